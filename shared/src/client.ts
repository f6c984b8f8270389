// What a browser page imports: the API client and the light domain rules. Nothing here may pull in
// the public-suffix list or phone metadata, which would weigh down the Outlook pane's bundle.
export * from './api-client/index.js';
export * from './domain/console-links.js';
export * from './domain/contact-prefill.js';
export * from './domain/email-address.js';
export * from './domain/filing-limits.js';
export * from './domain/filing-suggestions.js';
export * from './domain/message-counterparts.js';
export * from './domain/customer-views.js';
export * from './domain/attachment-fallback.js';
export * from './domain/message-id.js';
export * from './domain/meeting-occurrence.js';
export * from './domain/money.js';
export * from './domain/record-type-names.js';
export * from './domain/record-words.js';
export * from './domain/task-due.js';
export * from './domain/list-columns.js';
export * from './domain/report-names.js';
export * from './domain/report-tables.js';
export * from './domain/case-ages.js';
export * from './domain/reminder-choices.js';
export * from './schemas/limits.js';
export type * from './schemas/index.js';
export * from './domain/sla-words.js';
export * from './domain/case-reference.js';
export * from './domain/consent-words.js';
export * from './domain/import-choices.js';
export * from './domain/import-fields.js';
