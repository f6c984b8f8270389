export { activityRoutes } from './routes.js';
export { activitiesService, activityKind, linkReferences } from './service.js';
export { insertActivity, snippetOf } from './repository.js';
export { addLinks, refreshAllLinks, refreshLinks, removeLink } from './links-repository.js';
