import nock from 'nock';
import {
  fakeGoogleSigner,
  GOOGLE_IDENTITY,
  PUBLIC_URL,
  type FakeGoogleSigner,
} from '@inbox-crm/addin-gmail/testing';
import { startTestApp, type TestApp } from '../../support/test-app.js';

export interface AddOnApp extends TestApp {
  google: FakeGoogleSigner;
}

/**
 * The whole server with the Gmail add-on configured, and Google's side standing in: no request
 * leaves the machine (nock refuses any it was not told about).
 */
export async function startAddOnApp(): Promise<AddOnApp> {
  nock.disableNetConnect();
  const google = fakeGoogleSigner();
  const testApp = await startTestApp(undefined, { publicUrl: PUBLIC_URL, gmail: GOOGLE_IDENTITY });
  return {
    ...testApp,
    google,
    close: async () => {
      await testApp.close();
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}
