// The Gmail add-on's test kit, for tests and benchmarks: Google's side made locally with nock
// (signing keys, the Gmail API) and messages as Gmail holds them. The add-on never imports it.
export * from './google-signer.js';
export * from './gmail-api-fake.js';
export * from './recorded-messages.js';
export * from './calendar-api-fake.js';
export * from './gmail-stand-in.js';
