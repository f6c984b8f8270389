import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Account, ApiClient } from '@inbox-crm/shared/client';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
let api: ApiClient;
let main: Account;
// Every record here has this word in its name, so a search finds this file's rows alone in an
// organisation other files share.
const WORD = `Quillon${Date.now().toString(36)}`;
const DOMAIN = `${WORD.toLowerCase()}.example`;

beforeAll(async () => {
  api = await apiAs(server.url, admin);
  main = await api.createAccount({ name: `${WORD} Mills`, domains: [DOMAIN] });
  for (let n = 1; n <= 6; n += 1) await api.createAccount({ name: `Branch ${n} of ${WORD}` });
  await api.createContact({
    firstName: WORD,
    lastName: 'Okafor',
    accountId: main.id,
    emails: [`ada@${DOMAIN}`],
  });
  const stages = await api.pipelineStages();
  await api.createOpportunity({ name: `${WORD} renewal`, accountId: main.id, stageId: stages[0]!.id });
  await api.createRecord('case', { subject: `${WORD} invoice query`, accountId: main.id, status: 'pending' });
});

afterEach(closePane);

const group = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name} \\(`) });

describe('search in the console', () => {
  it('when a word is searched, then each record type shows its matches with a count, a second line and Show all', async () => {
    await openConsole(server.url, `/app/search?q=${WORD}`, admin);
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getByRole('heading', { name: 'Accounts (7)' })).toBeTruthy();
    expect(within(results).getByRole('heading', { name: 'Contacts (1)' })).toBeTruthy();
    expect(within(results).getByRole('heading', { name: 'Opportunities (1)' })).toBeTruthy();
    expect(within(results).getByRole('heading', { name: 'Cases (1)' })).toBeTruthy();

    const accounts = group('Accounts');
    expect(within(accounts).getAllByRole('link')).toHaveLength(6); // five hits and Show all
    // The name starting with the query comes first, before names that only hold the word.
    const mills = within(accounts).getAllByRole('link')[0]!;
    expect(mills.textContent).toBe(`${WORD} Mills`);
    expect(mills.getAttribute('href')).toBe(`/app/accounts/${main.id}`);
    expect(within(accounts).getByText(DOMAIN)).toBeTruthy();

    expect(within(group('Contacts')).getByRole('link', { name: `${WORD} Okafor` })).toBeTruthy();
    expect(within(group('Contacts')).getByText(`ada@${DOMAIN} · ${WORD} Mills`)).toBeTruthy();
    const stages = await api.pipelineStages();
    expect(within(group('Opportunities')).getByText(`${stages[0]!.name} · ${WORD} Mills`)).toBeTruthy();
    expect(within(group('Cases')).getByText(`Pending · ${WORD} Mills`)).toBeTruthy();
    // A group that shows every match offers no Show all.
    expect(within(group('Cases')).getAllByRole('link')).toHaveLength(1);

    await userEvent.click(within(accounts).getByRole('link', { name: 'Show all 7 accounts' }));
    await waitFor(() => expect(window.location.pathname).toBe('/app/accounts'));
    expect(window.location.search).toBe(`?q=${WORD}`);
    expect(await screen.findByText('7 accounts')).toBeTruthy();
  });

  it('when nothing is typed or nothing matches, then the page says what to do', async () => {
    await openConsole(server.url, '/app/search', admin);
    expect(
      await screen.findByRole('heading', {
        name: 'Find any record, and anything said in your correspondence',
      }),
    ).toBeTruthy();

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search records and correspondence' }),
      `${WORD}zzz`,
    );
    expect(
      await screen.findByText(new RegExp(`^No account, contact, opportunity or case matches “${WORD}zzz”`)),
    ).toBeTruthy();
    expect(screen.getByText(/try fewer\s+letters/)).toBeTruthy();
    expect(await screen.findByText(/^No correspondence matches/)).toBeTruthy();
    await waitFor(() => expect(window.location.search).toBe(`?q=${WORD}zzz`));
  });
});
