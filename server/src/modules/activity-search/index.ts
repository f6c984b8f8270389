export { activitySearchRoutes } from './routes.js';
export { searchActivities } from './service.js';
export { indexOnActivitiesRelinked, indexOnEmailFiled, indexOnRecordWritten } from './subscribers.js';
export { indexOrganisation, rebuildSearchIndex, SEARCH_DOCUMENT_VERSION } from './rebuild.js';
export { searchDocument, type SearchSource } from './document.js';
export { activitiesMentioning } from './mentions.js';
