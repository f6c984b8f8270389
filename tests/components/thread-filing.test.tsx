import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { FakeMessage } from '@inbox-crm/addin-outlook';
import { inboxMessage } from '../support/customer.js';
import { uniqueMessageId } from '../support/fixtures.js';
import { apiAs, closePane, openPane } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };

afterEach(closePane);

/** The customer's first message, filed to her contact, and a reply to it as Outlook shows it. */
async function filedThreadAndReply(): Promise<FakeMessage> {
  const api = await apiAs(server.url, admin);
  const first = inboxMessage(server.adminEmail);
  const view = await api.lookupMessage({ emails: ['priya.raman@northwind.example'] });
  await api.fileEmail({
    messageId: first.internetMessageId!,
    subject: first.subject,
    from: { email: 'priya.raman@northwind.example', name: 'Priya Raman' },
    to: [{ email: server.adminEmail, name: 'Me' }],
    sentAt: first.dateTimeCreated,
    source: 'outlook',
    links: [{ type: 'contact', id: view.contact!.id }],
  });
  return inboxMessage(server.adminEmail, {
    internetMessageId: uniqueMessageId(),
    internetHeaders: `In-Reply-To: ${first.internetMessageId!}\r\nReferences: ${first.internetMessageId!}\r\n`,
  });
}

async function setAutoFile(on: boolean): Promise<void> {
  const api = await apiAs(server.url, admin);
  const organisation = await api.organisation();
  await api.updateOrganisation({ version: organisation.version, autoFileThreads: on });
}

const openAsAdmin = (message: FakeMessage) =>
  openPane(
    server.url,
    { userAddress: server.adminEmail, messages: [message], selected: 0 },
    { signIn: admin },
  );

describe('a reply whose thread is filed', () => {
  it('when it is opened, then the pane names the thread’s records and files it there in one click', async () => {
    const reply = await filedThreadAndReply();
    await openAsAdmin(reply);
    const thread = await screen.findByRole('group', { name: 'Its thread' });
    expect(within(thread).getByText('Its thread is filed to Priya Raman (Contact).')).toBeTruthy();
    await userEvent.click(within(thread).getByRole('button', { name: 'File with the thread' }));
    expect(await screen.findByText('Filed')).toBeTruthy();
    expect(within(screen.getByLabelText('Filed to')).getByText('Priya Raman')).toBeTruthy();
  });

  it('when the organisation files replies with their thread, then it is filed on opening, and Undo takes it back for good', async () => {
    const reply = await filedThreadAndReply();
    await setAutoFile(true);
    try {
      await openAsAdmin(reply);
      expect(await screen.findByText('Filed with its thread, as your organisation asks.')).toBeTruthy();
      const api = await apiAs(server.url, admin);
      expect((await api.getEmail((await emailOf(reply)).id)).links.map((link) => link.name)).toEqual([
        'Priya Raman',
      ]);
      await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
      expect(await screen.findByText('This email is not filed yet.')).toBeTruthy();
      await expect(emailOf(reply)).rejects.toThrow();
      // Opened again, an undone filing stays undone: the thread is offered, not filed on its own.
      closePane();
      await openAsAdmin(reply);
      expect(await screen.findByRole('button', { name: 'File with the thread' })).toBeTruthy();
      expect(screen.queryByText('Filed with its thread, as your organisation asks.')).toBeNull();
    } finally {
      await setAutoFile(false);
    }
  });

  it('when a colleague forwards it, then the pane says it is not filed with its thread, and files nothing on its own', async () => {
    const reply = await filedThreadAndReply();
    const forward = {
      ...reply,
      from: { emailAddress: `pat@${server.domain}`, displayName: 'Pat Colleague' },
    };
    await setAutoFile(true);
    try {
      await openAsAdmin(forward);
      expect(
        await screen.findByText(
          'Its thread is filed, but everyone else on this message is a colleague, so it is not filed with it.',
        ),
      ).toBeTruthy();
      expect(screen.getByText('This email is not filed yet.')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'File with the thread' })).toBeNull();
    } finally {
      await setAutoFile(false);
    }
  });
});

/** The reply's email as the API knows it (throws while it is not filed, or in the trash). */
async function emailOf(message: FakeMessage) {
  const api = await apiAs(server.url, admin);
  const found = await api.lookupMessage({
    emails: ['priya.raman@northwind.example'],
    messageId: message.internetMessageId!,
  });
  if (!found.filing?.emailId) throw new Error('not filed');
  return { id: found.filing.emailId };
}
