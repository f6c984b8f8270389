export { crmGateway } from './crm-gateway.js';
export { forgetGoogleUserOnUserUpdated } from './google-users.js';
