export { opportunityRoutes } from './routes.js';
export { loadOpportunity } from './repository.js';
