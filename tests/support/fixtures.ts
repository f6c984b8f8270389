import { expect } from 'vitest';
import type { Account, Contact, Email, EmailFile, Opportunity } from '@inbox-crm/shared';
import type { Client } from './http.js';

let sequence = 0;
/** A Message-ID nobody else in the run has. */
export function uniqueMessageId(): string {
  sequence += 1;
  return `<${Date.now().toString(36)}.${sequence}.${Math.random().toString(36).slice(2)}@mail.example.test>`;
}

async function created<T>(reply: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await reply;
  expect(status, JSON.stringify(body)).toBe(201);
  return body as T;
}

export const createAccount = (client: Client, body: object) =>
  created<Account>(client.post('/api/v1/accounts', body));
export const createContact = (client: Client, body: object) =>
  created<Contact>(client.post('/api/v1/contacts', body));
export const createOpportunity = (client: Client, body: object) =>
  created<Opportunity>(client.post('/api/v1/opportunities', body));

/** A realistic filing request; override what the test is about. */
export function emailToFile(overrides: Partial<EmailFile> & Pick<EmailFile, 'links'>): EmailFile {
  return {
    messageId: uniqueMessageId(),
    subject: 'Re: Renewal quote for 2027',
    from: { email: 'jane.doe@acme.example', name: 'Jane Doe' },
    to: [{ email: 'sales@ourco.example', name: 'Sales' }],
    cc: [],
    sentAt: '2026-11-20T09:15:00.000Z',
    bodyText: 'Hello,\n\nThanks for the quote. Could we talk on Thursday?\n\nJane',
    bodyHtml: '<p>Hello,</p><p>Thanks for the quote. Could we talk on <b>Thursday</b>?</p><p>Jane</p>',
    attachments: [{ name: 'quote.pdf', contentType: 'application/pdf', size: 48213 }],
    source: 'outlook',
    ...overrides,
  };
}

export const fileEmail = async (client: Client, body: EmailFile) => {
  const reply = await client.post('/api/v1/emails', body);
  expect([200, 201], JSON.stringify(reply.body)).toContain(reply.status);
  return reply as { status: number; body: Email };
};
