export { buildApp, type AppOptions } from './app.js';
export { loadConfig, type Config } from './config.js';
export { openPglite, openPostgres, type Database } from './db/database.js';
export { runMigrations } from './db/migrate.js';
export { createOrganisationWithAdmin } from './modules/organisation/service.js';
export type { App } from './http/app-instance.js';
