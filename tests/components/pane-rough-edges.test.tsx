import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '@inbox-crm/shared/client';
import { inboxMessage } from '../support/customer.js';
import { apiAs, closePane, openPane } from './pane-harness.js';

// The narrow pane's layout is measured in Chromium (tests/e2e/outlook-pane.test.ts); here, what the
// pane says and does: names, addresses that may wrap, overdue tasks, the bell and linking a sender.

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
const DAY = 24 * 3600 * 1000;
let api: ApiClient;

beforeAll(async () => {
  api = await apiAs(server.url, admin);
});
afterEach(closePane);

/** A new address each run, so tests never meet each other's contacts. */
const unique = (local: string, domain: string) =>
  `${local}.${Math.random().toString(36).slice(2, 8)}@${domain}`;

function openMessageFrom(address: string, displayName: string, user = admin) {
  return openPane(
    server.url,
    {
      userAddress: user.email,
      messages: [inboxMessage(user.email, { from: { emailAddress: address, displayName } })],
      selected: 0,
    },
    { signIn: user },
  );
}

/** The address as the page holds it: its text whole, with places where a line may break. */
function breakPoints(element: Element): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const node of element.childNodes) {
    if (node.nodeName === 'WBR') {
      pieces.push(current);
      current = '';
    } else current += node.textContent;
  }
  return [...pieces, current];
}

describe('the recipients picker', () => {
  it('when a sent message names several people, then the field shows a short name with the whole line as its tooltip, and each choice its name and address', async () => {
    const long = 'maximilian.oyelaran-whitcombe@harbourline-logistics.example';
    const sent = inboxMessage(admin.email, {
      from: { emailAddress: admin.email, displayName: 'Me' },
      to: [
        { emailAddress: long, displayName: 'Maximilian Oyelaran-Whitcombe' },
        { emailAddress: 'priya.raman@northwind.example', displayName: 'Priya Raman' },
      ],
    });
    await openPane(
      server.url,
      { userAddress: admin.email, messages: [sent], selected: 0 },
      { signIn: admin },
    );

    const picker = await screen.findByRole('combobox', { name: '2 people on this message' });
    expect(picker.textContent).toBe('Priya Raman, contact');
    expect(picker.getAttribute('title')).toBe('Priya Raman <priya.raman@northwind.example>, contact');
    await userEvent.click(picker);
    const option = await screen.findByRole('option', { name: /Maximilian Oyelaran-Whitcombe/ });
    const address = within(option).getByText((_, element) => element?.textContent === long, {
      selector: 'span',
    });
    expect(breakPoints(address)).toEqual([
      'maximilian',
      '.oyelaran-whitcombe@',
      'harbourline-logistics',
      '.example',
    ]);
  });
});

describe('the file picker', () => {
  it('when the sender has a long address, then it may wrap only after its @ or before a dot', async () => {
    const address = unique('procurement.operations', 'harbourline-logistics.example');
    await api.createContact({ firstName: 'Ines', lastName: 'Okafor', emails: [address] });
    await openMessageFrom(address, 'Ines Okafor');

    await userEvent.click(await screen.findByRole('button', { name: 'File email' }));
    const picker = screen.getByRole('group', { name: 'File this email' });
    const detail = within(picker).getByText((_, element) => element?.textContent === `Contact · ${address}`);
    const pieces = breakPoints(detail);
    expect(pieces.join('')).toBe(`Contact · ${address}`);
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    for (const [index, piece] of pieces.slice(0, -1).entries()) {
      expect(piece.endsWith('@') || pieces[index + 1]!.startsWith('.'), piece).toBe(true);
    }
    expect(
      within(picker).getByRole('searchbox', { name: 'Search all records' }).getAttribute('placeholder'),
    ).toBe('Search records');
  });
});

describe('overdue tasks', () => {
  it('when one of the sender’s tasks is past due, then it alone reads Overdue, in words beside its due day', async () => {
    const address = unique('lena', 'harbourline.example');
    const contact = await api.createContact({ firstName: 'Lena', lastName: 'Late', emails: [address] });
    await api.createTask({
      title: 'Return the signed order form',
      dueAt: new Date(Date.now() - 2 * DAY).toISOString(),
      contactId: contact.id,
    });
    await api.createTask({
      title: 'Book the site visit',
      dueAt: new Date(Date.now() + 2 * DAY).toISOString(),
      contactId: contact.id,
    });
    await openMessageFrom(address, 'Lena Late');

    const tasks = await screen.findByRole('region', { name: 'Open tasks' });
    const entries = within(tasks).getAllByRole('listitem');
    const late = entries.find((entry) => entry.textContent?.includes('Return the signed order form'))!;
    const onTime = entries.find((entry) => entry.textContent?.includes('Book the site visit'))!;
    expect(within(late).getByText('Overdue')).toBeTruthy();
    expect(late.textContent).toMatch(/Overdue due \w+ \d+, \d{4}/);
    expect(within(onTime).queryByText('Overdue')).toBeNull();
  });
});

describe('the bell', () => {
  it('when the user’s own tasks are past due, then the bell counts them and lists them with a link to Tasks, and says Nothing yet once they are done', async () => {
    const email = unique('rowan', server.domain);
    const user = await api.createUser({
      email,
      name: 'Rowan Reed',
      role: 'member',
      password: server.password,
    });
    const late = await api.createTask({
      title: 'Chase the unpaid invoice',
      dueAt: new Date(Date.now() - DAY).toISOString(),
      assigneeId: user.id,
    });
    await api.createTask({
      title: 'Send the welcome pack',
      dueAt: new Date(Date.now() - 3 * DAY).toISOString(),
      assigneeId: user.id,
    });
    const rowan = { email, password: server.password };
    await openPane(server.url, { userAddress: email, messages: [], selected: null }, { signIn: rowan });

    const bell = await screen.findByRole('button', { name: 'Notifications, 2 overdue tasks' });
    await userEvent.click(bell);
    const entry = await screen.findByRole('listitem', { name: '2 overdue tasks' });
    expect(within(entry).getByRole('link', { name: 'Open my tasks' }).getAttribute('href')).toBe(
      '/app/tasks',
    );
    expect(screen.queryByText(/^Nothing yet/)).toBeNull();
    await userEvent.click(bell);

    const rowanApi = await apiAs(server.url, rowan);
    await rowanApi.completeTask(late.id);
    const remaining = await rowanApi.myTasks();
    for (const task of remaining) await rowanApi.completeTask(task.id);
    window.dispatchEvent(new Event('focus'));
    const quiet = await screen.findByRole('button', { name: 'Notifications' });
    await userEvent.click(quiet);
    expect(await screen.findByText(/^Nothing yet/)).toBeTruthy();
    expect(screen.queryByRole('listitem', { name: /overdue/ })).toBeNull();
  });
});

describe('an unknown sender', () => {
  it('when a sender is not in the CRM, then the pane names them with their address and offers both ways in', async () => {
    const address = unique('dana.whitfield', 'contoso-labs.example');
    await openMessageFrom(address, 'Dana Whitfield');

    expect(await screen.findByRole('heading', { name: 'Dana Whitfield' })).toBeTruthy();
    expect(
      screen.getByText((_, element) => element?.tagName === 'SPAN' && element.textContent === address),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create contact' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Link to an existing contact or account' })).toBeTruthy();
  });

  it('when the sender is linked to a contact found by name, then the address joins that contact’s and the pane shows them; a stale contact is refused by name first', async () => {
    const known = unique('jo', 'home-mail.example');
    const contact = await api.createContact({
      firstName: 'Joanna',
      lastName: 'Brightwater',
      emails: [known],
    });
    const address = unique('joanna.brightwater', 'contoso-labs.example');
    await openMessageFrom(address, 'Joanna Brightwater');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Link to an existing contact or account' }),
    );
    const form = screen.getByRole('region', { name: 'Link to an existing contact or account' });
    await userEvent.type(
      within(form).getByRole('searchbox', { name: 'Find a contact or account' }),
      'Brightwater',
    );
    await userEvent.click(await within(form).findByRole('button', { name: /Joanna Brightwater/ }));
    const add = await within(form).findByRole('button', { name: 'Add the address to Joanna Brightwater' });
    expect(within(form).getByRole('list', { name: 'Addresses of Joanna Brightwater' }).textContent).toBe(
      known,
    );

    // Someone saves the contact after the pane read it.
    await api.updateRecord('contact', contact.id, { version: contact.version, title: 'Head of Research' });
    await userEvent.click(add);
    const refusal = await within(form).findByRole('alert');
    expect(refusal.textContent).toMatch(/Joanna Brightwater was changed by Ada Admin since you picked them/);
    expect((await api.getRecord('contact', contact.id)).emails).toEqual([known]);

    await userEvent.click(within(refusal).getByRole('button', { name: 'Load the latest' }));
    await userEvent.click(
      await within(form).findByRole('button', { name: 'Add the address to Joanna Brightwater' }),
    );
    const card = await screen.findByLabelText('Contact Joanna Brightwater');
    expect(within(card).getByText('Head of Research')).toBeTruthy();
    const saved = await api.getRecord('contact', contact.id);
    expect(saved.emails).toEqual([known, address]);
    expect(saved.title).toBe('Head of Research');
  });

  it('when the sender is linked to an account, then the button says a contact is made there, and the pane shows them at it', async () => {
    const account = await api.createAccount({ name: 'Tidewater Instruments', domains: [] });
    const address = unique('oskar.lind', 'fastmail-relay.example');
    await openMessageFrom(address, 'Oskar Lind');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Link to an existing contact or account' }),
    );
    const form = screen.getByRole('region', { name: 'Link to an existing contact or account' });
    await userEvent.type(
      within(form).getByRole('searchbox', { name: 'Find a contact or account' }),
      'Tidewater',
    );
    await userEvent.click(await within(form).findByRole('button', { name: /Tidewater Instruments/ }));
    const says = (text: string) => (_: string, element: Element | null) =>
      element?.tagName === 'SPAN' && element.textContent === text;
    expect(
      within(form).getByText(
        says('A new contact, Oskar Lind, is made at Tidewater Instruments with this address.'),
      ),
    ).toBeTruthy();
    await userEvent.click(
      within(form).getByRole('button', { name: 'Create contact at Tidewater Instruments' }),
    );

    const card = await screen.findByLabelText('Contact Oskar Lind');
    expect(within(card).getByText('Tidewater Instruments')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('Account Tidewater Instruments')).toBeTruthy());
    const found = await api.listRecords('contact', { email: address });
    expect(found.items.map((item) => [item.name, item.accountId])).toEqual([['Oskar Lind', account.id]]);
  });
});
