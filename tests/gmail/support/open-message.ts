import type { App } from '@inbox-crm/server';
import {
  fakeGmailApi,
  multipartMessage,
  type FakeGoogleSigner,
  type RecordedMessage,
} from '@inbox-crm/addin-gmail/testing';
import { uniqueMessageId } from '../../support/fixtures.js';
import { addOnEvent, callAddOn, type EventOptions } from './add-on-client.js';

/**
 * A message from `from` to the user, open in Gmail (the Gmail API standing in for it): its card as
 * the message trigger drew it, and the event Google sends with it, for the actions that follow.
 */
export async function openGmailMessage(app: App, google: FakeGoogleSigner, user: string, from: string) {
  const message: RecordedMessage = {
    gmailId: `18c${Math.random().toString(16).slice(2, 12)}`,
    raw: multipartMessage({ messageId: uniqueMessageId().slice(1, -1), from, to: user }),
  };
  const tokens = { oauth: `ya29.${Math.random()}`, access: `gm.${Math.random()}` };
  fakeGmailApi(message, tokens);
  const event = (more: Partial<EventOptions> = {}) =>
    addOnEvent({
      userToken: google.userToken(user),
      message: { gmailId: message.gmailId, accessToken: tokens.access, oauthToken: tokens.oauth },
      ...more,
    });
  const card = (await callAddOn(app, google, '/gmail/message', event())).body;
  return { card, event };
}
