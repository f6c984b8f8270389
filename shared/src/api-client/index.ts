export * from './api-client.js';
export * from './api-error.js';
export * from './query-string.js';
export * from './session-store.js';
