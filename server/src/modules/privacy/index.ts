export { privacyRoutes } from './routes.js';
export { suppressedAddresses } from './suppression-list.js';
export { closePattern, ERASED_ADDRESS, ERASED_TEXT, redactText } from './redaction.js';
export { addressLock } from './address-lock.js';
export { retentionSweep, RETENTION_REST_MS } from './retention-sweep.js';
