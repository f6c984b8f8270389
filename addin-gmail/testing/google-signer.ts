import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import nock from 'nock';

export const PUBLIC_URL = 'https://crm.example.test';
export const SERVICE_ACCOUNT = 'service-424242424242@gcp-sa-gsuiteaddons.iam.gserviceaccount.com';
export const OAUTH_CLIENT_ID = '424242424242-inboxcrm.apps.googleusercontent.com';
export const GOOGLE_IDENTITY = { serviceAccount: SERVICE_ACCOUNT, oauthClientId: OAUTH_CLIENT_ID };

interface SigningKey {
  kid: string;
  privateKey: string;
  publicKey: string;
}

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid: randomBytes(8).toString('hex'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Google's side of the tokens, made in the test: a key Google "publishes" (served where
 * google-auth-library fetches Google's certificates) and a stranger's key under the same key id.
 */
export function fakeGoogleSigner() {
  const google = newKey();
  const stranger = { ...newKey(), kid: google.kid };
  nock('https://www.googleapis.com')
    .persist()
    .get('/oauth2/v1/certs')
    .reply(200, { [google.kid]: google.publicKey }, { 'cache-control': 'public, max-age=3600' });

  const now = () => Math.floor(Date.now() / 1000);
  function sign(claims: Record<string, unknown>, key: SigningKey = google): string {
    return createSigner({ key: key.privateKey, algorithm: 'RS256', kid: key.kid })({
      iss: 'https://accounts.google.com',
      iat: now(),
      exp: now() + 3600,
      sub: '1098765432101234567890',
      ...claims,
    });
  }
  return {
    /** What Google sends in Authorization for a call to `url`. */
    systemToken: (url: string, claims: Record<string, unknown> = {}, key?: SigningKey) =>
      sign({ aud: url, email: SERVICE_ACCOUNT, email_verified: true, ...claims }, key),
    /** authorizationEventObject.userIdToken for a Gmail user. */
    userToken: (email: string, claims: Record<string, unknown> = {}) =>
      sign({ aud: OAUTH_CLIENT_ID, email, email_verified: true, ...claims }),
    stranger,
  };
}

export type FakeGoogleSigner = ReturnType<typeof fakeGoogleSigner>;
