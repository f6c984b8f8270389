import { expect, onTestFinished } from 'vitest';
import { MailboxReaders, secretBox, type MailboxReadersOptions } from '@inbox-crm/server';
import type { Case, SupportMailbox } from '@inbox-crm/shared';
import { startDovecot, type Dovecot, type ImapUser } from '@inbox-crm/server/testing';
import { uniqueMessageId } from './fixtures.js';
import type { Client } from './http.js';
import { test } from './suite.js';
import { TEST_SECRETS_KEY, type TestApp } from './test-app.js';
import type { TestWorker } from './test-worker.js';

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

/**
 * The suite's test with a real Dovecot for the file (`dovecot`, with `count` mailbox users named
 * `<prefix>N@ourco.example`) and a mailbox user of the test's own (`imapUser`). A file overrides
 * `appOptions` before calling this, as readers take every enabled mailbox in their database.
 */
export function mailboxTest(prefix: string, count: number) {
  const userOf = (index: number): ImapUser => ({
    user: `${prefix}${index}@ourco.example`,
    password: `imap-password-${index}`,
  });
  let next = 0;
  return (
    test
      // vitest reads a fixture's dependencies from the pattern of its first parameter: this has none.
      // eslint-disable-next-line no-empty-pattern
      .extend('dovecot', { scope: 'file' }, async ({}, { onCleanup }) => {
        const dovecot = await startDovecot(Array.from({ length: count }, (_, index) => userOf(index)));
        onCleanup(() => dovecot.close());
        return dovecot;
      })
      .extend('imapUser', (): ImapUser => userOf(next++))
  );
}

/** The organisation's cases once there are `count` of them (polled while readers work). */
export async function casesOnceThereAre(admin: Client, count: number): Promise<Case[]> {
  let items: Case[] = [];
  await expect
    .poll(
      async () => {
        items = ((await admin.get('/api/v1/cases?limit=100')).body as { items: Case[] }).items;
        return items.length;
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBe(count);
  return items;
}

/** Sends what the outbox holds now: its deliveries fall due at once, by the real clock. */
export async function sendOutbox(scheduler: TestWorker): Promise<void> {
  scheduler.clock.set(new Date(Date.now() + 1_000));
  await scheduler.worker.drain();
}
