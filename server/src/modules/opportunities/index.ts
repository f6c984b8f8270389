export { opportunityRoutes } from './routes.js';
export { loadOpportunity } from './repository.js';
export { opportunitiesService } from './service.js';
