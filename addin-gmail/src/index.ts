export { gmailAddOn, type GmailAddOnOptions } from './plugin.js';
export type { CrmGateway, CrmSession } from './crm-gateway.js';
export type { GoogleIdentity } from './google/id-tokens.js';
