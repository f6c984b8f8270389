import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Account, ApiClient, PipelineStage } from '@inbox-crm/shared/client';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
let api: ApiClient;
let stages: PipelineStage[];
let binned: Account;
// Every record here has this word in its name, so the lists can be narrowed to this file's rows
// in an organisation other files share.
const WORD = `Zephyrine${Date.now().toString(36)}`;

beforeAll(async () => {
  api = await apiAs(server.url, admin);
  stages = await api.pipelineStages();
  const won = stages.find((stage) => stage.kind === 'won')!;
  const account = await api.createAccount({ name: `${WORD} Mills` });
  await api.createOpportunity({
    name: `${WORD} small`,
    accountId: account.id,
    amountMinor: 50_000,
    currency: 'EUR',
    closeDate: '2027-03-01',
  });
  await api.createOpportunity({
    name: `${WORD} large`,
    accountId: account.id,
    amountMinor: 900_000,
    currency: 'EUR',
    closeDate: '2027-01-10',
  });
  await api.createOpportunity({
    name: `${WORD} won`,
    accountId: account.id,
    amountMinor: 300_000,
    currency: 'EUR',
    closeDate: '2026-11-20',
    stageId: won.id,
  });
  binned = await api.createAccount({ name: `${WORD} Binned` });
  await api.deleteRecord('account', binned.id);
});

afterEach(() => {
  closePane();
  vi.restoreAllMocks();
});

/** The first cell of each row of the list's table, once it has settled. */
const rowNames = (name: string) =>
  within(screen.getByRole('table', { name, busy: false }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('record lists in the console', () => {
  it('when a list is sorted and filtered, then the rows, the count and the address follow', async () => {
    await openConsole(server.url, `/app/opportunities?q=${WORD}`, admin);
    const table = await screen.findByRole('table', { name: 'Opportunities' });
    expect(await screen.findByText('3 opportunities')).toBeTruthy();
    // By close date until someone sorts: the earliest first.
    expect(rowNames('Opportunities')).toEqual([`${WORD} won`, `${WORD} large`, `${WORD} small`]);
    expect(within(table).getAllByText('Closed won')).toHaveLength(1);
    expect(within(table).getByText('€9,000.00')).toBeTruthy();
    expect(within(table).getAllByRole('link', { name: `${WORD} Mills` })).toHaveLength(3);

    await userEvent.click(within(table).getByRole('button', { name: 'Amount' }));
    await waitFor(() =>
      expect(rowNames('Opportunities')).toEqual([`${WORD} small`, `${WORD} won`, `${WORD} large`]),
    );
    expect(window.location.search).toBe(`?q=${WORD}&sort=amount`);
    await userEvent.click(within(table).getByRole('button', { name: 'Amount' }));
    await waitFor(() =>
      expect(rowNames('Opportunities')).toEqual([`${WORD} large`, `${WORD} won`, `${WORD} small`]),
    );
    expect(window.location.search).toBe(`?q=${WORD}&sort=-amount`);

    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'Won');
    await waitFor(() => expect(rowNames('Opportunities')).toEqual([`${WORD} won`]));
    expect(screen.getByText('1 opportunity')).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('status')).toBe('won');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(window.location.search).toBe('?sort=-amount'));
  });

  it('when a list is exported, then the file holds its columns and exactly its filtered rows', async () => {
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((file) => {
      saved.push(file as Blob);
      return 'blob:export';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await openConsole(server.url, `/app/opportunities?q=${WORD}&sort=-amount&status=open`, admin);
    expect(await screen.findByText('2 opportunities')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const lines = (await saved[0]!.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    expect(lines).toEqual([
      'Name,Account,Stage,Amount,Currency,Close date,Probability %,Owner',
      expect.stringMatching(
        new RegExp(`^${WORD} large,${WORD} Mills,[^,]+,9000,EUR,2027-01-10,\\d+,Ada Admin$`),
      ),
      expect.stringMatching(
        new RegExp(`^${WORD} small,${WORD} Mills,[^,]+,500,EUR,2027-03-01,\\d+,Ada Admin$`),
      ),
    ]);
  });

  it('when deleted records are listed, then one can be restored and the list says what it shows', async () => {
    await openConsole(server.url, `/app/accounts?q=${WORD}&deleted=true`, admin);
    expect(await screen.findByRole('heading', { name: 'Deleted accounts' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Accounts' });
    expect(rowNames('Accounts')).toEqual([`${WORD} Binned`]);
    await userEvent.click(within(table).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText(`${WORD} Binned is restored.`)).toBeTruthy();
    expect(await screen.findByText('No accounts match these filters')).toBeTruthy();
    expect((await api.getRecord('account', binned.id)).deletedAt).toBeNull();
  });
});
