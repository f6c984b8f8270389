export { lookupRoutes } from './routes.js';
export { lookup } from './service.js';
export { senderViewSql } from './sender-view-sql.js';
