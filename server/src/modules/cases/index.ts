export { caseRoutes } from './routes.js';
export { casesService } from './service.js';
export { loadCase } from './repository.js';
