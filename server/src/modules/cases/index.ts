export { caseRoutes } from './routes.js';
export { loadCase } from './repository.js';
