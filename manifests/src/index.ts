export { deploymentBaseUrl, ManifestError } from './base-url.js';
export { gmailDeployment, GMAIL_SCOPES, type GmailDeployment } from './gmail/gmail-deployment.js';
export { ICON_SIZES, iconPng, type IconSize, type IconStyle } from './icons/icon.js';
