export { homeRoutes } from './routes.js';
export { home, recordView } from './service.js';
