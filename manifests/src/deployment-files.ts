import { gmailDeployment } from './gmail/gmail-deployment.js';
import { ICON_SIZES, iconPng } from './icons/icon.js';
import { outlookXmlManifest, type OutlookManifestOptions } from './outlook/outlook-xml.js';

/** Every file an admin deploys for a server at `baseUrl`, by its path in the output folder. */
export function deploymentFiles(baseUrl: string, options: OutlookManifestOptions): Map<string, Buffer> {
  const files = new Map<string, Buffer>([
    ['outlook.xml', Buffer.from(outlookXmlManifest(baseUrl, options))],
    [
      'gmail-deployment.json',
      Buffer.from(`${JSON.stringify(gmailDeployment(baseUrl, options.name), null, 2)}\n`),
    ],
  ]);
  for (const size of ICON_SIZES) files.set(`icons/icon-${size}.png`, iconPng(size));
  files.set('icons/outline-32.png', iconPng(32, 'outline'));
  return files;
}
