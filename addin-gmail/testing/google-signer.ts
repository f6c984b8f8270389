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

/** Where google-auth-library fetches Google's certificates, and how Google answers there. */
export const GOOGLE_CERTS = { origin: 'https://www.googleapis.com', path: '/oauth2/v1/certs' };
export const GOOGLE_CERTS_HEADERS = { 'cache-control': 'public, max-age=3600' };

/**
 * Google's side of the tokens, made in the test: a key Google "publishes" (served where
 * google-auth-library fetches Google's certificates, unless `publish` is false and the caller
 * serves `certs` itself) and a stranger's key under the same key id.
 */
export function fakeGoogleSigner(options: { publish?: boolean } = {}) {
  const google = newKey();
  const stranger = { ...newKey(), kid: google.kid };
  const certs = { [google.kid]: google.publicKey };
  if (options.publish !== false) {
    nock(GOOGLE_CERTS.origin).persist().get(GOOGLE_CERTS.path).reply(200, certs, GOOGLE_CERTS_HEADERS);
  }

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
    /** Google's published certificates: key id → public key (PEM). */
    certs,
  };
}

export type FakeGoogleSigner = ReturnType<typeof fakeGoogleSigner>;
