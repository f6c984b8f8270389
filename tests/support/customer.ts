import { expect } from 'vitest';
import type { Account, Activity, Case, Contact, Opportunity, Task } from '@inbox-crm/shared';
import type { FakeMessage } from '@inbox-crm/addin-outlook/testing';
import { createAccount, createContact, createOpportunity, uniqueMessageId } from './fixtures.js';
import type { Client } from './http.js';

export interface Customer {
  account: Account;
  contact: Contact;
  opportunity: Opportunity;
  supportCase: Case;
  task: Task;
  call: Activity;
}

async function created<T>(reply: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await reply;
  expect(status, JSON.stringify(body)).toBe(201);
  return body as T;
}

const DAY = 24 * 3600 * 1000;

/** A customer as a sales team has one: a company, a person there, a deal, a case, a task and a call. */
export async function createCustomer(client: Client): Promise<Customer> {
  const account = await createAccount(client, {
    name: 'Northwind Traders',
    domains: ['northwind.example'],
    phone: '+44 20 7946 0000',
  });
  const contact = await createContact(client, {
    firstName: 'Priya',
    lastName: 'Raman',
    title: 'Head of Operations',
    accountId: account.id,
    emails: ['priya.raman@northwind.example'],
    phones: [{ number: '+44 20 7946 0958', label: 'work' }],
  });
  const opportunity = await createOpportunity(client, {
    name: 'Fleet renewal 2027',
    accountId: account.id,
    contactId: contact.id,
    amountMinor: 4_800_000,
    currency: 'EUR',
    closeDate: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
  });
  const supportCase = await created<Case>(
    client.post('/api/v1/cases', {
      subject: 'Invoice 1042 shows the wrong VAT rate',
      status: 'open',
      priority: 'high',
      accountId: account.id,
      contactId: contact.id,
    }),
  );
  const task = await created<Task>(
    client.post('/api/v1/tasks', {
      title: 'Send the revised quote',
      dueAt: new Date(Date.now() + 2 * DAY).toISOString(),
      contactId: contact.id,
      accountId: account.id,
    }),
  );
  const call = await created<Activity>(
    client.post('/api/v1/activities', {
      type: 'call',
      subject: 'Discussed the renewal terms',
      body: 'Priya wants a three-year term with quarterly billing.',
      direction: 'outbound',
      durationMinutes: 25,
      outcome: 'Connected',
      links: [
        { type: 'contact', id: contact.id },
        { type: 'account', id: account.id },
      ],
    }),
  );
  return { account, contact, opportunity, supportCase, task, call };
}

/** A message as Outlook shows it in the user's inbox; override what the test is about. */
/** The file attached to the customer's message, as Outlook hands it over (Mailbox 1.8). */
export const FLEET_LIST = Buffer.from('Vehicle,Plate,Due\nVan 1,NW-101,2027-01\nVan 2,NW-102,2027-03\n');

export function inboxMessage(userAddress: string, overrides: Partial<FakeMessage> = {}): FakeMessage {
  return {
    itemId: `AAMkAG${Math.random().toString(36).slice(2)}`,
    internetMessageId: uniqueMessageId(),
    conversationId: `AAQkAG${Math.random().toString(36).slice(2)}`,
    subject: 'Re: Fleet renewal: revised terms',
    from: { emailAddress: 'priya.raman@northwind.example', displayName: 'Priya Raman' },
    to: [{ emailAddress: userAddress, displayName: 'Me' }],
    cc: [],
    dateTimeCreated: new Date(Date.now() - 3600 * 1000).toISOString(),
    bodyText: 'Hello,\n\nThe three-year term works for us. Can you send the revised quote?\n\nPriya',
    bodyHtml:
      '<p>Hello,</p><p>The three-year term works for us. Can you send the <b>revised quote</b>?</p><p>Priya</p>',
    attachments: [
      {
        name: 'fleet-list.xlsx',
        contentType: 'application/vnd.ms-excel',
        size: FLEET_LIST.length,
        contentBase64: FLEET_LIST.toString('base64'),
      },
    ],
    ...overrides,
  };
}
