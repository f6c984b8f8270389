import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Account, ApiClient } from '@inbox-crm/shared/client';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
let api: ApiClient;
/** A colleague of this file's own: the run's shared member may be signed out by another file. */
let colleague: ApiClient;
let account: Account;
const WORD = `Quorvane${Date.now().toString(36)}`;

beforeAll(async () => {
  api = await apiAs(server.url, admin);
  const email = `carla.${Date.now().toString(36)}@${server.domain}`;
  await api.createUser({ email, name: 'Carla Colleague', role: 'member', password: server.password });
  colleague = await apiAs(server.url, { email, password: server.password });
  account = await api.createAccount({ name: `${WORD} Holdings`, industry: 'Shipping' });
});

afterEach(closePane);

// happy-dom moves focus into a dialog the console opens above the page only once a field is used,
// and until then the focus trap leaves the dialog itself marked hidden; the Chromium tests check it
// is announced.
const dialog = async () => screen.findByRole('dialog', { hidden: true });

describe('creating and editing records in the console', () => {
  it('when a deal is created from its list, then its account is picked by name and its amount read as typed', async () => {
    await openConsole(server.url, '/app/opportunities', admin);
    await userEvent.click(await screen.findByRole('button', { name: 'New opportunity' }));
    const form = within(await dialog());
    await userEvent.type(form.getByLabelText(/^Name/), `${WORD} expansion`);
    await userEvent.type(form.getByRole('combobox', { name: 'Account' }), WORD);
    await userEvent.click(await screen.findByRole('option', { name: new RegExp(`^${WORD} Holdings`) }));
    await userEvent.type(form.getByLabelText('Amount'), '12,5');
    await userEvent.selectOptions(form.getByLabelText('Currency'), 'EUR');
    await userEvent.click(form.getByRole('button', { name: 'Create opportunity' }));
    // Refused here, beside the field, before the server is asked.
    expect(form.getByText('Write the amount in digits, e.g. 12500 or 12,500.50.')).toBeTruthy();

    await userEvent.clear(form.getByLabelText('Amount'));
    await userEvent.type(form.getByLabelText('Amount'), '12,500.50');
    await userEvent.type(form.getByLabelText('Close date'), '2027-02-15');
    await userEvent.click(form.getByRole('button', { name: 'Create opportunity' }));

    expect(await screen.findByRole('heading', { name: `${WORD} expansion` })).toBeTruthy();
    const [, type, id] = window.location.pathname.split('/').slice(1);
    expect(type).toBe('opportunities');
    const created = await api.getRecord('opportunity', id!);
    expect(created).toMatchObject({
      accountId: account.id,
      amountMinor: 1_250_050,
      currency: 'EUR',
      closeDate: '2027-02-15',
    });
  });

  it('when the server refuses a value, then its reason shows beside that field', async () => {
    await openConsole(server.url, '/app/accounts', admin);
    await userEvent.click(await screen.findByRole('button', { name: 'New account' }));
    const form = within(await dialog());
    await userEvent.type(form.getByLabelText(/^Name/), `${WORD} Freemail`);
    await userEvent.type(form.getByLabelText('Mail domains'), 'gmail.com');
    await userEvent.click(form.getByRole('button', { name: 'Create account' }));
    const domains = form.getByLabelText('Mail domains');
    await waitFor(() =>
      expect(domains.closest('.fui-Field')?.textContent).toContain(
        'gmail.com is a free-mail domain: it cannot identify an account.',
      ),
    );
  });

  it('when someone else saved the record first, then the edit names them and offers their version instead of overwriting it', async () => {
    const target = await api.createAccount({ name: `${WORD} Racing`, industry: 'Retail' });
    await openConsole(server.url, `/app/accounts/${target.id}`, admin);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = within(await dialog());
    await colleague.updateRecord('account', target.id, { version: target.version, industry: 'Logistics' });

    await userEvent.clear(form.getByLabelText('Industry'));
    await userEvent.type(form.getByLabelText('Industry'), 'Wholesale');
    await userEvent.click(form.getByRole('button', { name: 'Save changes' }));
    expect(
      await form.findByText(
        'This account was changed by Carla Colleague since you opened it; reload it to see the changes, then make yours again.',
      ),
    ).toBeTruthy();
    expect((await api.getRecord('account', target.id)).industry).toBe('Logistics');

    await userEvent.click(form.getByRole('button', { name: 'Load their version' }));
    await waitFor(() =>
      expect((form.getByLabelText('Industry') as HTMLInputElement).value).toBe('Logistics'),
    );
    await userEvent.clear(form.getByLabelText('Industry'));
    await userEvent.type(form.getByLabelText('Industry'), 'Wholesale');
    await userEvent.click(form.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Wholesale')).toBeTruthy();
    expect((await api.getRecord('account', target.id)).industry).toBe('Wholesale');
  });

  it('when a case’s status is changed in place and the case deleted, then both are saved and Undo brings it back', async () => {
    const item = await api.createRecord('case', { subject: `${WORD} broken hinge`, priority: 'high' });
    await openConsole(server.url, `/app/cases/${item.id}`, admin);
    const inPlace = await screen.findByRole('group', { name: 'Change in place' });
    expect((within(inPlace).getByLabelText('Priority') as HTMLSelectElement).value).toBe('high');
    await userEvent.selectOptions(within(inPlace).getByLabelText('Status'), 'Pending');
    await waitFor(async () => expect((await api.getRecord('case', item.id)).status).toBe('pending'));

    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The case is deleted. Its mail and history are kept.')).toBeTruthy();
    expect((await api.getRecord('case', item.id)).deletedAt).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.queryByText(/is deleted/)).toBeNull());
    expect((await api.getRecord('case', item.id)).deletedAt).toBeNull();
  });
});
