export { searchRoutes } from './routes.js';
export { search } from './service.js';
