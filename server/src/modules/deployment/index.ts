export { deploymentRoutes } from './routes.js';
