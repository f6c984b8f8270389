export * from './domain/index.js';
export * from './schemas/index.js';
export * from './api-client/index.js';
