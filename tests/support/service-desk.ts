import { expect, onTestFinished } from 'vitest';
import { MailboxReaders, secretBox, type MailboxReadersOptions } from '@inbox-crm/server';
import type { SupportMailbox } from '@inbox-crm/shared';
import type { Dovecot, ImapUser } from '@inbox-crm/server/testing';
import { uniqueMessageId } from './fixtures.js';
import type { Client } from './http.js';
import { TEST_SECRETS_KEY, type TestApp } from './test-app.js';

/**
 * Mailbox readers as a server instance runs them, on the test app's database, with short waits:
 * the list of mailboxes is read every 100 ms and a lost connection retried after 100 ms.
 */
export function startReaders(testApp: TestApp, options: Partial<MailboxReadersOptions> = {}): MailboxReaders {
  const readers = new MailboxReaders({
    knex: testApp.database.knex,
    box: secretBox(TEST_SECRETS_KEY),
    limits: { perFileBytes: 25 * 1024 * 1024, perOrganisationBytes: 1024 ** 3 },
    logger: { warn: () => undefined },
    allowPrivate: true,
    refreshMs: 100,
    pollMs: 2_000,
    retryBaseMs: 100,
    retryMaxMs: 1_000,
    timeoutMs: 5_000,
    ...options,
  });
  readers.start();
  return readers;
}

/** Connects a support mailbox on the test's Dovecot through the API, as an admin would. */
export async function connectSupportMailbox(
  admin: Client,
  dovecot: Dovecot,
  user: ImapUser,
  settings: Record<string, unknown> = {},
): Promise<SupportMailbox> {
  const reply = await admin.post('/api/v1/support-mailboxes', {
    name: 'Support',
    address: user.user,
    host: dovecot.host,
    port: dovecot.port,
    security: 'none',
    username: user.user,
    authMethod: 'password',
    secret: user.password,
    ...settings,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as SupportMailbox;
}

/**
 * Connects a support mailbox and starts readers for it (stopped when the test ends); answers once
 * the mailbox reports itself connected.
 */
export async function readSupportMailbox(
  testApp: TestApp,
  admin: Client,
  dovecot: Dovecot,
  user: ImapUser,
  options: { settings?: Record<string, unknown>; readers?: Partial<MailboxReadersOptions> } = {},
): Promise<SupportMailbox> {
  const mailbox = await connectSupportMailbox(admin, dovecot, user, options.settings);
  const readers = startReaders(testApp, options.readers);
  onTestFinished(() => readers.stop());
  await expect
    .poll(async () => (await admin.get(`/api/v1/support-mailboxes/${mailbox.id}`)).body.status, {
      timeout: 10_000,
      interval: 100,
    })
    .toBe('connected');
  return mailbox;
}

export interface TestMessage {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string[];
  body?: string;
  headers?: Record<string, string>;
}

/** A plain RFC 5322 message with CRLF line ends; its Message-ID is unique unless given (null: none). */
export function rawMessage(message: TestMessage = {}): string {
  const messageId = message.messageId === undefined ? uniqueMessageId() : message.messageId;
  const lines = [
    `From: ${message.from ?? 'Jane Doe <jane.doe@acme.example>'}`,
    `To: ${message.to ?? 'support@ourco.example'}`,
    `Subject: ${message.subject ?? 'The printer is on fire'}`,
    'Date: Tue, 01 Dec 2026 09:30:00 +0000',
    ...(messageId ? [`Message-ID: ${messageId}`] : []),
    ...(message.inReplyTo ? [`In-Reply-To: ${message.inReplyTo}`] : []),
    ...(message.references ? [`References: ${message.references.join(' ')}`] : []),
    ...Object.entries(message.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    message.body ?? 'Hello,\r\n\r\nSmoke is coming out of the printer on the second floor.\r\n\r\nJane',
    '',
  ];
  return lines.join('\r\n');
}
