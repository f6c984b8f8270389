export { privacyRoutes } from './routes.js';
export { suppressedAddresses } from './suppression-list.js';
export { ERASED_ADDRESS, ERASED_TEXT, personTerms, redactText, termsPattern } from './redaction.js';
export { addressLock } from './address-lock.js';
