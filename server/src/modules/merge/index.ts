export { mergeRoutes } from './routes.js';
