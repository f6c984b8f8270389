export { dataExportRoutes } from './routes.js';
