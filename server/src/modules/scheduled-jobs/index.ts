export { scheduledJobRoutes } from './routes.js';
