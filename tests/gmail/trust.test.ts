import type { TestOrganisation } from '../support/organisation.js';
import { startTestApp } from '../support/test-app.js';
import { describe, expect, test } from './support/add-on-suite.js';
import { addOnEvent, callAddOn, cardTexts } from './support/add-on-client.js';
import { PUBLIC_URL, type FakeGoogleSigner } from '@inbox-crm/addin-gmail/testing';

const homepage = '/gmail/homepage';

/** The add-on's event for the organisation's admin. */
const it = test.extend(
  'event',
  ({ google, org }) =>
    () =>
      addOnEvent({ userToken: google.userToken(org.adminUser.email) }),
);

describe('who may call the Gmail add-on', () => {
  it('when Google signs the call for this URL as our add-on, then the homepage card comes back', async ({
    testApp,
    google,
    event,
  }) => {
    const reply = await callAddOn(testApp.app, google, homepage, event());
    expect(reply.status).toBe(200);
    expect(reply.body.action.navigations[0].pushCard.header).toEqual({
      title: 'Inbox CRM',
      subtitle: 'Ada Admin',
    });
  });

  it.for<[string, (google: FakeGoogleSigner, org: TestOrganisation) => string]>([
    ['no token at all', () => ''],
    [
      'an expired token',
      (google) =>
        google.systemToken(`${PUBLIC_URL}${homepage}`, { exp: Math.floor(Date.now() / 1000) - 600 }),
    ],
    ['a token for another URL', (google) => google.systemToken(`${PUBLIC_URL}/gmail/message`)],
    [
      'a token for the same path with a query string',
      (google) => google.systemToken(`${PUBLIC_URL}${homepage}?x=1`),
    ],
    [
      'a token from another issuer',
      (google) => google.systemToken(`${PUBLIC_URL}${homepage}`, { iss: 'https://evil.example' }),
    ],
    [
      'a token signed by a stranger under Google’s key id',
      (google) => google.systemToken(`${PUBLIC_URL}${homepage}`, {}, google.stranger),
    ],
    [
      'a token of another add-on’s account',
      (google) =>
        google.systemToken(`${PUBLIC_URL}${homepage}`, {
          email: 'service-1@gcp-sa-gsuiteaddons.iam.gserviceaccount.com',
        }),
    ],
    ['a user’s own ID token', (google, org) => google.userToken(org.adminUser.email)],
  ])(
    'when the call carries %s, then it is refused with 401 and nothing is read',
    async ([_, token], { testApp, google, org, event }) => {
      const reply = await callAddOn(testApp.app, google, homepage, event(), token(google, org));
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({
        error: 'unauthorized',
        message: 'Only Google may call the add-on’s endpoints.',
      });
    },
  );

  it('when a token is tampered with, then it is refused', async ({ testApp, google, event }) => {
    const token = google.systemToken(`${PUBLIC_URL}${homepage}`);
    const [head, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, email: 'x@evil.example' })).toString('base64url');
    expect(
      (await callAddOn(testApp.app, google, homepage, event(), `${head}.${forged}.${signature}`)).status,
    ).toBe(401);
  });

  it('when the Gmail user is nobody in the CRM, then the card says how to get access', async ({
    testApp,
    google,
  }) => {
    const reply = await callAddOn(
      testApp.app,
      google,
      homepage,
      addOnEvent({ userToken: google.userToken('stranger@elsewhere.example') }),
    );
    expect(reply.status).toBe(200);
    expect(cardTexts(reply.body)).toContain('<b>You are not an Inbox CRM user yet</b>');
    expect(cardTexts(reply.body).join(' ')).toContain('stranger@elsewhere.example');
  });

  it('when a Gmail user is switched off, then their very next card says how to get access', async ({
    testApp,
    org,
    google,
  }) => {
    const { user } = await org.addUser('member', { name: 'Sam Seller' });
    const event = addOnEvent({ userToken: google.userToken(user.email) });
    const before = await callAddOn(testApp.app, google, homepage, event);
    expect(before.body.action.navigations[0].pushCard.header.subtitle).toBe('Sam Seller');

    const switchedOff = await org.admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      active: false,
    });
    expect(switchedOff.status).toBe(200);
    const after = await callAddOn(testApp.app, google, homepage, event);
    expect(cardTexts(after.body)).toContain('<b>You are not an Inbox CRM user yet</b>');
  });

  it('when the user’s token is not for our OAuth client or not verified, then the card asks to reload, and no user is trusted', async ({
    testApp,
    org,
    google,
  }) => {
    for (const claims of [{ aud: 'someone-else.apps.googleusercontent.com' }, { email_verified: false }]) {
      const reply = await callAddOn(
        testApp.app,
        google,
        homepage,
        addOnEvent({ userToken: google.userToken(org.adminUser.email, claims) }),
      );
      expect(cardTexts(reply.body)).toContain('<b>Your Google sign-in could not be checked</b>');
    }
  });

  it.for([
    ['malformed JSON', '{"commonEventObject": ', 'application/json'],
    [
      'a body of the wrong shape',
      JSON.stringify({ gmail: { messageId: 42, toRecipients: 'everyone' } }),
      'application/json',
    ],
    ['a body far too large', JSON.stringify({ pad: 'x'.repeat(300 * 1024) }), 'application/json'],
    ['a body that is not JSON at all', 'messageId=1', 'application/x-www-form-urlencoded'],
  ])(
    'when Google’s signed call carries %s, then it gets a 4xx error and no card, never a 5xx',
    async ([_, payload, type], { testApp, google }) => {
      for (const path of ['/gmail/message', '/gmail/action/file']) {
        const reply = await testApp.app.inject({
          method: 'POST',
          url: path,
          headers: {
            authorization: `Bearer ${google.systemToken(`${PUBLIC_URL}${path}`)}`,
            'content-type': type,
          },
          payload,
        });
        expect(reply.statusCode, path).toBeGreaterThanOrEqual(400);
        expect(reply.statusCode, path).toBeLessThan(500);
        expect(Object.keys(reply.json())).toEqual(expect.arrayContaining(['error', 'message']));
      }
    },
  );

  it('when an action name is unknown, then the card says so and nothing runs', async ({
    testApp,
    google,
    event,
  }) => {
    const reply = await callAddOn(testApp.app, google, '/gmail/action/drop-tables', event());
    expect(cardTexts(reply.body)).toContain('<b>Unknown action</b>');
  });

  it('when the add-on is not configured on the server, then its endpoints say so with 503', async ({
    google,
    event,
  }) => {
    const bare = await startTestApp(undefined, { publicUrl: PUBLIC_URL });
    try {
      const reply = await callAddOn(bare.app, google, homepage, event());
      expect(reply.status).toBe(503);
      expect(reply.body.error).toBe('gmail_not_configured');
    } finally {
      await bare.close();
    }
  });
});
