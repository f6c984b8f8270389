import { afterEach, describe, expect, it } from 'vitest';
import {
  htmlOnlyMessage,
  messageWithInlineImage,
  multipartMessage,
  RECEIVED_AT,
  startGmailStandIn,
  type GmailStandIn,
  type RecordedMessage,
} from '../../testing/index.js';
import type { AddOnEvent } from './add-on-event.js';
import { gmailReader } from './gmail-message.js';

const tokens = { oauth: 'ya29.headers', access: 'gm.headers' };

const encoded = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

/** Headers as mail clients and lists write them: a group, encoded names, folded References, an address that hides an encoded word. */
const trickyMessage = [
  'From: undisclosed:;',
  `From: ${encoded('Zoë Ångström')} <Zoe@Northwind.example>`,
  'To: Project: "Ann Lee" <ann@acme.example>, bob@acme.example;, =?utf-8?B?Y2VvQGJhbmsuY29t?=@evil.example',
  `Cc: "${'Ops'}" <ops@northwind.example>, ${encoded('Jürgen')} <j@northwind.example>`,
  `Subject: Re: ${encoded('Angebot ✓')} for 2027`,
  'Date: not a date',
  'Message-ID: tricky-1@northwind.example',
  'In-Reply-To: <parent@northwind.example>',
  'References: <first@northwind.example>\r\n <parent@northwind.example>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello',
  '',
].join('\r\n');

const messages: Record<string, string> = {
  'a multipart reply': multipartMessage({
    messageId: 'multi-1@northwind.example',
    from: '"Priya Raman" <priya.raman@northwind.example>',
    to: 'sales@ourco.example',
  }),
  'an HTML message with an encoded subject to many': htmlOnlyMessage({
    messageId: 'html-1@northwind.example',
    from: 'Priya Raman <priya.raman@northwind.example>',
    recipients: Array.from({ length: 40 }, (_, n) => `Reader ${n} <reader${n}@audience.example>`),
  }),
  'a message with an inline image': messageWithInlineImage({
    messageId: 'inline-1@northwind.example',
    from: 'Priya Raman <priya.raman@northwind.example>',
    to: 'sales@ourco.example',
  }),
  'a message with a group, encoded names and a folded References': trickyMessage,
};

const eventFor = (message: RecordedMessage) =>
  ({
    gmail: { messageId: message.gmailId, accessToken: tokens.access },
    authorizationEventObject: { userOAuthToken: tokens.oauth },
  }) as AddOnEvent;

let standIn: GmailStandIn | null = null;
afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

describe('the open message’s headers (format=metadata)', () => {
  it.each(Object.entries(messages))(
    'when %s is opened, then its headers read as the whole message parses',
    async (_, raw) => {
      const message = { gmailId: '18cheaders', raw };
      standIn = await startGmailStandIn(message, tokens);
      const reader = gmailReader(eventFor(message), standIn.url)!;
      const { bodyText: _text, bodyHtml: _html, attachments: _files, ...whole } = await reader.content();
      const headers = await reader.headers();
      expect(headers).toEqual(whole);
      expect(standIn.reads).toEqual(['raw', 'metadata']);
    },
  );

  it('when names and subjects are encoded, then they read decoded; an address hiding an encoded word, a second From and an unreadable Date are not taken at their word', async () => {
    const message = { gmailId: '18ctricky', raw: trickyMessage };
    standIn = await startGmailStandIn(message, tokens);
    const headers = await gmailReader(eventFor(message), standIn.url)!.headers();
    // The first From names nobody: a second one is not taken for the sender.
    expect(headers.from).toBeNull();
    // An unreadable Date: when Gmail received it.
    expect(headers.sentAt).toBe(new Date(Number(RECEIVED_AT)).toISOString());
    expect(headers.subject).toBe('Re: Angebot ✓ for 2027');
    expect(headers.to.map((party) => party.email)).toEqual(['ann@acme.example', 'bob@acme.example']);
    expect(headers.cc.map((party) => party.name)).toEqual(['Ops', 'Jürgen']);
    expect(headers.messageId).toBe('tricky-1@northwind.example');
    expect(headers.references).toEqual(['first@northwind.example', 'parent@northwind.example']);
  });
});
