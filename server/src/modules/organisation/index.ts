export { organisationRoutes } from './routes.js';
export { createOrganisationWithAdmin } from './service.js';
export { countOrganisations, findStage, listStages } from './repository.js';
export { mailSettings, type MailSettings } from './settings-cache.js';
