export { searchRoutes } from './routes.js';
export { search } from './service.js';
export { searchGroups } from './grouped-search.js';
