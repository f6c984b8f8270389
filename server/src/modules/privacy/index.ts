export { privacyRoutes } from './routes.js';
export { addressHashes, suppressedAddresses } from './suppression-list.js';
export { ERASED_ADDRESS, ERASED_TEXT, suppressedPeopleRedactor } from './redaction.js';
export { addressLock } from './address-lock.js';
export { retentionSweep, RETENTION_REST_MS } from './retention-sweep.js';
