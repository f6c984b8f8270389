export { opportunityRoutes } from './routes.js';
export { opportunitiesService } from './service.js';
export { loadOpportunity } from './repository.js';
