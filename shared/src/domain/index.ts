export * from './counterpart.js';
export * from './email-address.js';
export * from './free-mail-domains.js';
export * from './message-counterparts.js';
export * from './message-id.js';
export * from './phone-number.js';
export * from './registrable-domain.js';
export * from './search-text.js';
