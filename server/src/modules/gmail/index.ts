export { crmGateway } from './crm-gateway.js';
