import nock from 'nock';
import { GOOGLE_CERTS, GOOGLE_CERTS_HEADERS } from '@inbox-crm/addin-gmail/testing';

// Loaded into the product's process by the Gmail benchmark (node --import). google-auth-library
// fetches Google's certificates once and keeps them; nock answers that one fetch with the bench's
// key and is then taken out of the process, so nothing intercepts its HTTP while it is measured.
const certs = JSON.parse(process.env.BENCH_GOOGLE_CERTS ?? '{}') as Record<string, string>;
const REPLY_SETTLES_MS = 100;

nock(GOOGLE_CERTS.origin)
  .get(GOOGLE_CERTS.path)
  .reply(200, certs, GOOGLE_CERTS_HEADERS)
  .on('replied', () => setTimeout(() => nock.restore(), REPLY_SETTLES_MS));
