import { gmailDeployment } from './gmail/gmail-deployment.js';
import { ICON_SIZES, iconPng } from './icons/icon.js';
import { ManifestError } from './base-url.js';
import { outlookXmlManifest, type OutlookManifestOptions } from './outlook/outlook-xml.js';
import { unifiedManifest, unifiedManifestZip } from './outlook/unified-manifest.js';
import { gmailDeploymentProblems } from './validate/gmail-deployment-schema.js';
import { unifiedManifestProblems } from './validate/unified-manifest-schema.js';

/** The unified manifest package, refused when Microsoft's schema would refuse its manifest. */
export function checkedUnifiedManifestZip(baseUrl: string, options: OutlookManifestOptions): Buffer {
  const problems = unifiedManifestProblems(unifiedManifest(baseUrl, options));
  if (problems.length > 0)
    throw new ManifestError(`The unified manifest is not valid: ${problems.join('; ')}`);
  return unifiedManifestZip(baseUrl, options);
}

/** The Gmail deployment descriptor, refused when it lacks the shape Google documents. */
export function checkedGmailDeployment(baseUrl: string, name?: string) {
  const descriptor = gmailDeployment(baseUrl, name);
  const problems = gmailDeploymentProblems(descriptor);
  if (problems.length > 0)
    throw new ManifestError(`The Gmail deployment is not valid: ${problems.join('; ')}`);
  return descriptor;
}

/** Every file an admin deploys for a server at `baseUrl`, by its path in the output folder. */
export function deploymentFiles(baseUrl: string, options: OutlookManifestOptions): Map<string, Buffer> {
  const files = new Map<string, Buffer>([
    ['outlook.xml', Buffer.from(outlookXmlManifest(baseUrl, options))],
    ['outlook-app.zip', checkedUnifiedManifestZip(baseUrl, options)],
    [
      'gmail-deployment.json',
      Buffer.from(`${JSON.stringify(checkedGmailDeployment(baseUrl, options.name), null, 2)}\n`),
    ],
  ]);
  for (const size of ICON_SIZES) files.set(`icons/icon-${size}.png`, iconPng(size));
  files.set('icons/outline-32.png', iconPng(32, 'outline'));
  return files;
}
