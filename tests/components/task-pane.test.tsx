import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { inboxMessage } from '../support/customer.js';
import { apiAs, closePane, openPane } from './pane-harness.js';

const server = inject('paneServer');
const me = server.adminEmail;
const TEST_PASSWORD = server.password;

afterEach(closePane);

const signIn = () => ({ signIn: { email: me, password: TEST_PASSWORD } });

describe('the task pane in read mode', () => {
  it('when a message from a known contact is opened, then it shows the contact, account, open items and history without reading the body', async () => {
    const { control } = await openPane(
      server.url,
      { userAddress: me, messages: [inboxMessage(me)], selected: 0 },
      signIn(),
    );

    const contact = await screen.findByLabelText('Contact Priya Raman');
    expect(within(contact).getByText('Head of Operations · Northwind Traders')).toBeTruthy();
    expect(within(contact).getByText('+442079460958')).toBeTruthy();
    const account = screen.getByLabelText('Account Northwind Traders');
    // The account's line of context comes after the record, in its own request; other suites
    // may add deals and cases to this customer, so the figures are checked by shape.
    expect(
      await within(account).findByText(
        /^Open pipeline €[\d,]+\.\d\d · \d+ open cases? · last touch \w+ \d+, \d{4}$/,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Fleet renewal 2027')).toBeTruthy();
    expect(screen.getByText('Invoice 1042 shows the wrong VAT rate')).toBeTruthy();
    expect(screen.getByText('High')).toBeTruthy();
    expect(screen.getByText('Send the revised quote')).toBeTruthy();
    expect(screen.getByText('Discussed the renewal terms')).toBeTruthy();
    expect(screen.getByText('This email is not filed yet.')).toBeTruthy();
    expect(control.bodyReads).toBe(0);
  });

  it('when the sender has a task past its due time, then the pane flags it overdue', async () => {
    const api = await apiAs(server.url, { email: me, password: TEST_PASSWORD });
    const address = `late.${Date.now()}@harbourline.example`;
    const contact = await api.createContact({ firstName: 'Lena', lastName: 'Late', emails: [address] });
    await api.createTask({
      title: 'Return the signed order form',
      dueAt: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
      contactId: contact.id,
    });
    await openPane(
      server.url,
      {
        userAddress: me,
        messages: [inboxMessage(me, { from: { emailAddress: address, displayName: 'Lena Late' } })],
        selected: 0,
      },
      signIn(),
    );

    const tasks = await screen.findByRole('region', { name: 'Open tasks' });
    expect(within(tasks).getByText('Return the signed order form')).toBeTruthy();
    expect(within(tasks).getByText('Overdue')).toBeTruthy();
  });

  it('when the user moves to another message in a pinned pane, then the previous record is gone at once and the new sender shows', async () => {
    const unknown = inboxMessage(me, {
      from: { emailAddress: 'dana.whitfield@contoso-labs.example', displayName: 'Dana Whitfield' },
    });
    const { control } = await openPane(
      server.url,
      { userAddress: me, messages: [inboxMessage(me), unknown], selected: 0 },
      signIn(),
    );
    await screen.findByLabelText('Contact Priya Raman');

    act(() => control.select(1));
    expect(screen.queryByLabelText('Contact Priya Raman')).toBeNull();
    expect(await screen.findByText(/no account has the domain contoso-labs\.example/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create contact' })).toBeTruthy();

    act(() => control.select(null));
    expect(await screen.findByText('No message selected')).toBeTruthy();
  });

  it('when the mailbox sent the message to several people, then a picker shows each person’s record', async () => {
    const sent = inboxMessage(me, {
      from: { emailAddress: me, displayName: 'Me' },
      to: [
        { emailAddress: 'dana.whitfield@contoso-labs.example', displayName: 'Dana Whitfield' },
        { emailAddress: 'priya.raman@northwind.example', displayName: 'Priya Raman' },
      ],
    });
    await openPane(server.url, { userAddress: me, messages: [sent], selected: 0 }, signIn());

    // The best match (the known contact) is shown first, whatever the order of the To line.
    await screen.findByLabelText('Contact Priya Raman');
    await userEvent.click(screen.getByRole('combobox', { name: '2 people on this message' }));
    await userEvent.click(await screen.findByRole('option', { name: /Dana Whitfield/ }));
    expect(screen.queryByLabelText('Contact Priya Raman')).toBeNull();
    expect(screen.getByRole('button', { name: 'Create contact' })).toBeTruthy();
  });

  it('when a received message has customers in To and Cc, then the sender leads, colleagues are left out, and each other person can be read and filed to', async () => {
    const colleague = `pat@${me.split('@')[1]}`;
    const received = inboxMessage(me, {
      from: { emailAddress: 'dana.whitfield@contoso-labs.example', displayName: 'Dana Whitfield' },
      to: [
        { emailAddress: me, displayName: 'Me' },
        { emailAddress: colleague, displayName: 'Pat Colleague' },
      ],
      cc: [{ emailAddress: 'priya.raman@northwind.example', displayName: 'Priya Raman' }],
    });
    await openPane(server.url, { userAddress: me, messages: [received], selected: 0 }, signIn());

    // The sender leads though the CRM does not know them yet.
    expect(await screen.findByRole('heading', { name: 'Dana Whitfield' })).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: '2 people on this message' });
    await userEvent.click(screen.getByRole('button', { name: 'File email' }));
    const filing = await screen.findByRole('group', { name: 'File this email' });
    const priya = within(filing).getByRole('checkbox', { name: /Priya Raman/ }) as HTMLInputElement;
    expect(priya.checked).toBe(false);
    await userEvent.click(within(filing).getByRole('button', { name: 'Cancel' }));

    await userEvent.click(picker);
    expect(screen.queryByRole('option', { name: /Pat Colleague/ })).toBeNull();
    await userEvent.click(await screen.findByRole('option', { name: /Priya Raman/ }));
    // Read in full on choosing: her open task comes with the second answer.
    expect(await screen.findByLabelText('Contact Priya Raman')).toBeTruthy();
    expect(await screen.findByText('Send the revised quote')).toBeTruthy();
    expect(screen.getByText('A contact has the address priya.raman@northwind.example.')).toBeTruthy();
  });
});

describe('the task pane in compose mode', () => {
  it('when a draft is written, then it shows the recipients’ records and follows changes to the To line', async () => {
    const draft = inboxMessage(me, {
      compose: true,
      from: undefined,
      to: [{ emailAddress: 'someone@contoso-labs.example', displayName: 'Someone' }],
    });
    const { control } = await openPane(
      server.url,
      { userAddress: me, messages: [draft], selected: 0 },
      signIn(),
    );
    expect(await screen.findByText('You are writing to this person.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'File email' })).toBeNull();

    act(() =>
      control.setDraftRecipients([{ emailAddress: 'priya.raman@northwind.example', displayName: 'Priya' }]),
    );
    expect(await screen.findByLabelText('Contact Priya Raman')).toBeTruthy();
    expect(screen.getByText('Send the revised quote')).toBeTruthy();
  });
});

describe('signing in and failures', () => {
  it('when nobody is signed in, then the form signs in and the record follows', async () => {
    await openPane(server.url, { userAddress: me, messages: [inboxMessage(me)], selected: 0 });
    await userEvent.type(screen.getByLabelText(/Work email/), me);
    await userEvent.type(screen.getByLabelText(/Password/), TEST_PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByLabelText('Contact Priya Raman')).toBeTruthy();
  });

  it('when the password is wrong, then the form says so and stays', async () => {
    await openPane(server.url, { userAddress: me, messages: [inboxMessage(me)], selected: 0 });
    await userEvent.type(screen.getByLabelText(/Work email/), me);
    await userEvent.type(screen.getByLabelText(/Password/), 'not the password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('when the session has ended and cannot be renewed, then the pane asks to sign in again and says why', async () => {
    const { session } = await openPane(
      server.url,
      { userAddress: server.memberEmail, messages: [], selected: null },
      { signIn: { email: server.memberEmail, password: TEST_PASSWORD }, ownSession: true },
    );
    await screen.findByText('No message selected');
    // Signing out ends the refresh token on the server: the stored one is now dead.
    const stored = JSON.parse(window.localStorage.getItem('inbox-crm.session')!);
    await session.api.signOut();
    closePane();
    window.localStorage.setItem(
      'inbox-crm.session',
      JSON.stringify({ ...stored, accessToken: 'expired.token.value' }),
    );

    await openPane(server.url, { userAddress: me, messages: [inboxMessage(me)], selected: 0 });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText('This session has ended; sign in again.')).toBeTruthy();
  });

  it('when the server cannot be reached, then the pane says so in plain words and Try again recovers', async () => {
    let failures = 1;
    const flaky: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (failures > 0 && url.includes('/lookup')) {
        failures -= 1;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fetch(input, init);
    };
    await openPane(
      server.url,
      { userAddress: me, messages: [inboxMessage(me)], selected: 0 },
      { ...signIn(), fetch: flaky },
    );
    expect(await screen.findByText("Can't reach the CRM server")).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Contact Priya Raman')).toBeTruthy();
  });

  it('when Outlook is older than Mailbox 1.5, then the pane says what it needs', async () => {
    await openPane(
      server.url,
      { userAddress: me, messages: [], selected: null, mailboxVersion: '1.4' },
      signIn(),
    );
    expect(await screen.findByText('This Outlook is too old for Inbox CRM')).toBeTruthy();
  });
});
