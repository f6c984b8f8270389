import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { FakeMessage } from '@inbox-crm/addin-outlook';
import type { Email } from '@inbox-crm/shared';
import { FLEET_LIST, inboxMessage } from '../support/customer.js';
import { closePane, openPane } from './pane-harness.js';

const server = inject('paneServer');
const as = (email: string) => ({ signIn: { email, password: server.password } });

afterEach(closePane);

/** The stored email, read over the API with the pane's own session. */
async function storedEmail(messageId: string): Promise<Email> {
  const session = JSON.parse(window.localStorage.getItem('inbox-crm.session')!) as { accessToken: string };
  const reply = await fetch(`${server.url}/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(reply.status).toBe(200);
  return (await reply.json()) as Email;
}

const unique = () => Math.random().toString(36).slice(2, 8);

/** Opens the pane on the message as the admin and files it with the two records ticked for it. */
async function fileToContactAndAccount(message: FakeMessage): Promise<void> {
  await openPane(
    server.url,
    { userAddress: server.adminEmail, messages: [message], selected: 0 },
    as(server.adminEmail),
  );
  await userEvent.click(await screen.findByRole('button', { name: 'File email' }));
  await userEvent.click(screen.getByRole('button', { name: 'File to 2 records' }));
  await screen.findByText('Filed');
}

describe('filing from the pane', () => {
  it('when a message in a shared mailbox is filed in two clicks, then it is stored with its mailbox, filer, bodies and attachments', async () => {
    const shared = `sales@${server.domain}`;
    const message = inboxMessage(shared, { sharedMailbox: shared });
    const { control } = await openPane(
      server.url,
      { userAddress: server.adminEmail, messages: [message], selected: 0 },
      as(server.adminEmail),
    );

    await userEvent.click(await screen.findByRole('button', { name: 'File email' }));
    const picker = screen.getByRole('group', { name: 'File this email' });
    expect((within(picker).getByRole('checkbox', { name: /Priya Raman/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(
      (within(picker).getByRole('checkbox', { name: /Northwind Traders/ }) as HTMLInputElement).checked,
    ).toBe(true);
    await userEvent.click(within(picker).getByRole('button', { name: 'File to 2 records' }));

    expect(await screen.findByText('Filed')).toBeTruthy();
    const filedTo = screen.getByLabelText('Filed to');
    expect(within(filedTo).getByText('Priya Raman')).toBeTruthy();
    expect(control.bodyReads).toBe(2);

    const email = await storedEmail(message.internetMessageId!);
    expect(email.mailbox).toBe(shared);
    expect(email.source).toBe('outlook');
    expect(email.filedBy?.name).toBe('Ada Admin');
    expect(email.bodyHtml).toContain('<b>revised quote</b>');
    // Outlook handed over the file (Mailbox 1.8): its content is kept, not only its name.
    expect(email.attachments).toEqual([
      {
        position: 0,
        name: 'fleet-list.xlsx',
        contentType: 'application/vnd.ms-excel',
        size: FLEET_LIST.length,
        inline: false,
        contentId: null,
        stored: true,
      },
    ]);
    expect(email.links.map((link) => link.type).sort()).toEqual(['account', 'contact']);
  });

  it('when Private is ticked, then the email is filed private', async () => {
    const message = inboxMessage(server.adminEmail);
    await openPane(
      server.url,
      { userAddress: server.adminEmail, messages: [message], selected: 0 },
      as(server.adminEmail),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'File email' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^Private/ }));
    await userEvent.click(screen.getByRole('button', { name: 'File to 2 records' }));
    await screen.findByText('Filed');
    expect((await storedEmail(message.internetMessageId!)).private).toBe(true);
  });

  it('when Outlook is older than Mailbox 1.8, then the pane says only names are kept, and files them by name', async () => {
    const message = inboxMessage(server.adminEmail);
    await openPane(
      server.url,
      { userAddress: server.adminEmail, messages: [message], selected: 0, mailboxVersion: '1.7' },
      as(server.adminEmail),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'File email' }));
    expect(
      screen.getByText(/This version of Outlook gives add-ins the names of attachments, not the files/),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'File to 2 records' }));
    await screen.findByText('Filed');
    const email = await storedEmail(message.internetMessageId!);
    expect(email.attachments.map((file) => [file.name, file.stored])).toEqual([['fleet-list.xlsx', false]]);
  });

  it('when a second mailbox opens the same message, then it says who filed it, and filing again adds to the one email', async () => {
    const message = inboxMessage(server.adminEmail);
    await fileToContactAndAccount(message);
    const first = await storedEmail(message.internetMessageId!);
    closePane();

    const copy = {
      ...message,
      itemId: 'AAMkAG-the-member-mailbox',
      to: [{ emailAddress: server.memberEmail, displayName: 'Sam' }],
    };
    await openPane(
      server.url,
      { userAddress: server.memberEmail, messages: [copy], selected: 0 },
      as(server.memberEmail),
    );
    expect(await screen.findByText(/by Ada Admin/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'File to more records' }));
    const picker = screen.getByRole('group', { name: 'File this email' });
    expect(within(picker).getByRole('checkbox', { name: /Priya Raman.*filed/ })).toHaveProperty(
      'disabled',
      true,
    );
    await userEvent.click(within(picker).getByRole('checkbox', { name: /Fleet renewal 2027/ }));
    await userEvent.click(within(picker).getByRole('button', { name: 'File to 1 record' }));
    await waitFor(() =>
      expect(within(screen.getByLabelText('Filed to')).getByText('Fleet renewal 2027')).toBeTruthy(),
    );

    const after = await storedEmail(message.internetMessageId!);
    expect(after.id).toBe(first.id);
    expect(after.links.map((link) => link.type).sort()).toEqual(['account', 'contact', 'opportunity']);
  });

  it('when a link is dismissed, then the email is unfiled from that record only', async () => {
    const message = inboxMessage(server.adminEmail);
    await fileToContactAndAccount(message);

    await userEvent.click(screen.getByRole('button', { name: 'Unfile from Northwind Traders' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Unfile from Northwind Traders' })).toBeNull(),
    );
    const email = await storedEmail(message.internetMessageId!);
    expect(email.links.map((link) => link.type)).toEqual(['contact']);
  });

  it('when the search finds another record, then the email can be filed to it', async () => {
    const message = inboxMessage(server.adminEmail);
    await openPane(
      server.url,
      { userAddress: server.adminEmail, messages: [message], selected: 0 },
      as(server.adminEmail),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'File email' }));
    const picker = screen.getByRole('group', { name: 'File this email' });
    await userEvent.click(within(picker).getByRole('checkbox', { name: /Priya Raman/ }));
    await userEvent.click(within(picker).getByRole('checkbox', { name: /Northwind Traders/ }));
    await userEvent.type(
      within(picker).getByRole('searchbox', { name: 'Search all records' }),
      'invoice 1042',
    );
    await userEvent.click(
      await within(picker).findByRole('checkbox', { name: /Invoice 1042 shows the wrong VAT rate/ }),
    );
    await userEvent.click(within(picker).getByRole('button', { name: 'File to 1 record' }));
    await screen.findByText('Filed');
    const email = await storedEmail(message.internetMessageId!);
    expect(email.links.map((link) => link.name)).toEqual(['Invoice 1042 shows the wrong VAT rate']);
  });
});

describe('creating a contact for an unknown sender', () => {
  it('when the domain is a company’s, then the contact is created with a new account for that domain', async () => {
    const domain = `contoso-labs-${unique()}.example`;
    const message = inboxMessage(server.adminEmail, {
      from: { emailAddress: `dana.whitfield@${domain}`, displayName: 'Whitfield, Dana' },
    });
    await openPane(
      server.url,
      { userAddress: server.adminEmail, messages: [message], selected: 0 },
      as(server.adminEmail),
    );
    expect(await screen.findByRole('heading', { name: 'Whitfield, Dana' })).toBeTruthy();
    expect(screen.getByText(`dana.whitfield@${domain}`)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Create contact' }));

    const form = screen.getByRole('form', { name: 'Create contact' });
    expect(within(form).getByLabelText('First name')).toHaveProperty('value', 'Dana');
    expect(within(form).getByLabelText('Last name')).toHaveProperty('value', 'Whitfield');
    expect(within(form).getByRole('checkbox', { name: `Create an account for ${domain}` })).toHaveProperty(
      'checked',
      true,
    );
    expect((within(form).getByLabelText(/Account name/) as HTMLInputElement).value).toMatch(
      /^Contoso Labs \w+$/,
    );
    await userEvent.type(within(form).getByLabelText('Job title'), 'CFO');
    await userEvent.click(within(form).getByRole('button', { name: 'Save contact' }));

    const card = await screen.findByLabelText('Contact Dana Whitfield');
    expect(within(card).getByText(/CFO · Contoso Labs/)).toBeTruthy();
    expect(screen.getByText(/not filed yet/)).toBeTruthy();
  });

  it('when the sender writes from a free-mail address, then no account is offered or made', async () => {
    const address = `lee.${unique()}@gmail.com`;
    const message = inboxMessage(server.adminEmail, {
      from: { emailAddress: address, displayName: 'Lee Park' },
    });
    await openPane(
      server.url,
      { userAddress: server.adminEmail, messages: [message], selected: 0 },
      as(server.adminEmail),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Create contact' }));

    const form = screen.getByRole('form', { name: 'Create contact' });
    expect(within(form).queryByRole('checkbox')).toBeNull();
    expect(
      within(form).getByText('gmail.com is a free-mail provider, so no account is made from it.'),
    ).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Save contact' }));

    const card = await screen.findByLabelText('Contact Lee Park');
    expect(screen.queryByLabelText(/^Account /)).toBeNull();
    expect(within(card).getByText(address)).toBeTruthy();
  });
});
