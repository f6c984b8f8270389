export { consentRoutes } from './routes.js';
export { countConsentEntries, moveConsentEntries } from './repository.js';
