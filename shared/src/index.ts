export * from './domain/index.js';
export * from './schemas/index.js';
