import { describe, expect, it } from 'vitest';
import { MAX_BODY_HTML, MAX_BODY_TEXT } from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';
import { emailFileFor } from './email-file.js';

const message: OpenMessage = {
  mode: 'read',
  itemKey: 'AAMk1',
  internetMessageId: '<abc@mail.example>',
  inReplyTo: 'parent@acme.example',
  references: ['root@acme.example', 'parent@acme.example'],
  conversationId: 'AAQk1',
  subject: 'Quote',
  from: { email: 'jane@acme.example', name: 'Jane' },
  to: [
    { email: 'me@us.example', name: 'Me' },
    { email: '/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=BOB', name: 'Bob' },
  ],
  cc: [],
  sentAt: '2026-11-20T09:15:00.000Z',
  sharedMailbox: 'sales@us.example',
  attachmentCount: 0,
};
const links = [{ type: 'contact' as const, id: '0190f0a0-0000-7000-8000-000000000001' }];

describe('the filing request built from the open message', () => {
  it('when the message is ordinary, then it carries headers, bodies, attachments, the mailbox and the links', () => {
    const file = emailFileFor(message, { bodyText: 'Hi', bodyHtml: '<p>Hi</p>', attachments: [] }, links);
    expect(file).toMatchObject({
      messageId: '<abc@mail.example>',
      conversationId: 'AAQk1',
      from: { email: 'jane@acme.example', name: 'Jane' },
      sentAt: '2026-11-20T09:15:00.000Z',
      bodyText: 'Hi',
      bodyHtml: '<p>Hi</p>',
      source: 'outlook',
      mailbox: 'sales@us.example',
      links,
    });
  });

  it('when Exchange hands over an X.500 path instead of an address, then that recipient is left out', () => {
    const file = emailFileFor(message, { bodyText: null, bodyHtml: null, attachments: [] }, links);
    expect(file.to).toEqual([{ email: 'me@us.example', name: 'Me' }]);
  });

  it('when the bodies pass the server’s limits, then the text is cut and the HTML left out', () => {
    const content = {
      bodyText: 'a'.repeat(MAX_BODY_TEXT + 5),
      bodyHtml: 'b'.repeat(MAX_BODY_HTML + 1),
      attachments: [],
    };
    const file = emailFileFor(message, content, links);
    expect(file.bodyText).toHaveLength(MAX_BODY_TEXT);
    expect(file.bodyHtml).toBeNull();
  });

  it('when the sender is no address, then it refuses with a sentence', () => {
    const bad = { ...message, from: { email: '/O=EXCHANGELABS/CN=X', name: 'X' } };
    expect(() => emailFileFor(bad, { bodyText: null, bodyHtml: null, attachments: [] }, links)).toThrow(
      /no usable sender address/,
    );
  });
});
