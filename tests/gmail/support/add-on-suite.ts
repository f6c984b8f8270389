import nock from 'nock';
import { fakeGoogleSigner, GOOGLE_IDENTITY, PUBLIC_URL } from '@inbox-crm/addin-gmail/testing';
import { test as systemTest } from '../../support/suite.js';

export { describe, expect } from '../../support/suite.js';

/**
 * The system suites' test with the Gmail add-on configured on the app, and Google's side standing
 * in for every test of the file: no request leaves the machine (nock refuses any it was not told about).
 */
export const test = systemTest
  .extend('appOptions', { scope: 'file' }, { publicUrl: PUBLIC_URL, gmail: GOOGLE_IDENTITY })
  .extend(
    'google',
    { scope: 'file', auto: true },
    // vitest reads a fixture's dependencies from the pattern of its first parameter: this has none.
    // eslint-disable-next-line no-empty-pattern
    ({}, { onCleanup }) => {
      nock.disableNetConnect();
      onCleanup(() => {
        nock.cleanAll();
        nock.enableNetConnect();
      });
      return fakeGoogleSigner();
    },
  );

export const it = test;
