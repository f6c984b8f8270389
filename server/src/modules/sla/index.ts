export { slaRoutes } from './routes.js';
export { slaWatch, SLA_WATCH_INTERVAL_MS } from './sla-watch.js';
export { caseSlas } from './clocks-service.js';
