export { auditRoutes } from './routes.js';
export { auditEmailFiled, auditRecordWritten } from './subscribers.js';
export { lastWriter, recordAudit } from './repository.js';
