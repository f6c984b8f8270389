export { addInIdFor } from './add-in-id.js';
export { deploymentBaseUrl, ManifestError } from './base-url.js';
export { gmailDeployment, GMAIL_SCOPES, type GmailDeployment } from './gmail/gmail-deployment.js';
export {
  outlookXmlManifest,
  OUTLOOK_MIN_MAILBOX_SET,
  type OutlookManifestOptions,
} from './outlook/outlook-xml.js';
export { ICON_SIZES, iconPng, type IconSize, type IconStyle } from './icons/icon.js';
export {
  checkedGmailDeployment,
  checkedOutlookXml,
  checkedUnifiedManifestZip,
  deploymentFiles,
} from './deployment-files.js';
export { outlookXmlProblems } from './validate/outlook-xml-schema.js';
export { gmailDeploymentProblems } from './validate/gmail-deployment-schema.js';
export { unifiedManifest, UNIFIED_MANIFEST_VERSION } from './outlook/unified-manifest.js';
export { unifiedManifestProblems } from './validate/unified-manifest-schema.js';
