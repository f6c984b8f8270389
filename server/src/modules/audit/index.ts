export { auditRoutes } from './routes.js';
export { auditEmailFiled, auditRecordWritten } from './subscribers.js';
export { recordAudit } from './repository.js';
