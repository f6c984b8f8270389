import { gmailDeployment } from './gmail/gmail-deployment.js';
import { ICON_SIZES, iconPng } from './icons/icon.js';
import { ManifestError } from './base-url.js';
import { outlookXmlManifest, type OutlookManifestOptions } from './outlook/outlook-xml.js';
import { unifiedManifest, unifiedManifestZip } from './outlook/unified-manifest.js';
import { gmailDeploymentProblems } from './validate/gmail-deployment-schema.js';
import { outlookXmlProblems } from './validate/outlook-xml-schema.js';
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

/** The Outlook XML manifest, refused when it does not pass the manifest schemas. */
export async function checkedOutlookXml(baseUrl: string, options: OutlookManifestOptions): Promise<string> {
  const xml = outlookXmlManifest(baseUrl, options);
  const problems = await outlookXmlProblems(xml);
  if (problems.length > 0)
    throw new ManifestError(`The Outlook manifest is not valid: ${problems.join('; ')}`);
  return xml;
}

/** Every file an admin deploys for a server at `baseUrl`, by its path in the output folder. */
export async function deploymentFiles(
  baseUrl: string,
  options: OutlookManifestOptions,
): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>([
    ['outlook.xml', Buffer.from(await checkedOutlookXml(baseUrl, options))],
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
