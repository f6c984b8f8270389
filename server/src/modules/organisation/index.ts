export { organisationRoutes } from './routes.js';
export { createOrganisationWithAdmin } from './service.js';
export { countOrganisations, findStage, listStages, privacySalt } from './repository.js';
export { mailSettings, type MailSettings } from './settings-cache.js';
