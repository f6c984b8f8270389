export { gmailAddOn, type GmailAddOnOptions } from './plugin.js';
export type { CaseView, CrmGateway, CrmSession } from './crm-gateway.js';
export type { GoogleIdentity } from './google/id-tokens.js';
