import nock from 'nock';
import {
  GOOGLE_IDENTITY,
  multipartMessage,
  PUBLIC_URL,
  startGmailStandIn,
} from '@inbox-crm/addin-gmail/testing';
import { createCustomer } from '../support/customer.js';
import { describe, expect, test } from './support/add-on-suite.js';
import { addOnEvent, callAddOn, cardTexts } from './support/add-on-client.js';

const access = { oauth: 'ya29.private-endpoint', access: 'gm.private-endpoint' };
const fromPriya = {
  gmailId: '18cprivateendpoint',
  raw: multipartMessage({
    messageId: 'private-endpoint-1@northwind.example',
    from: '"Priya Raman" <priya.raman@northwind.example>',
    to: 'someone@elsewhere.example',
  }),
};

// The Gmail API as a server of its own on loopback (GMAIL_API_URL), rather than nock in this process.
// vitest reads a fixture's dependencies from the pattern of its first parameter: this has none.
// eslint-disable-next-line no-empty-pattern
const it = test.extend('gmailApi', { scope: 'file' }, async ({}, { onCleanup }) => {
  const standIn = await startGmailStandIn(fromPriya, access);
  onCleanup(() => standIn.close());
  return standIn;
});
it.override('appOptions', ({ gmailApi }) => ({
  publicUrl: PUBLIC_URL,
  gmail: GOOGLE_IDENTITY,
  gmailApiUrl: gmailApi.url,
}));

describe('the Gmail API at a private endpoint (GMAIL_API_URL)', () => {
  it('when a message is opened, then the card reads its headers from that endpoint, with the user’s tokens', async ({
    testApp,
    org,
    google,
    gmailApi,
  }) => {
    await createCustomer(org.admin);
    nock.enableNetConnect('127.0.0.1');
    const event = addOnEvent({
      userToken: google.userToken(org.adminUser.email),
      message: { gmailId: fromPriya.gmailId, accessToken: access.access, oauthToken: access.oauth },
    });
    const reply = await callAddOn(testApp.app, google, '/gmail/message', event);

    expect(reply.status).toBe(200);
    expect(reply.body.action.navigations[0].pushCard.header.title).toBe('Priya Raman');
    expect(cardTexts(reply.body)).toContain('Fleet renewal 2027');
    expect(gmailApi.reads).toEqual(['metadata']);
  });
});
