import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient, Contact, PipelineStage, User } from '@inbox-crm/shared/client';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
const stamp = Date.now().toString(36);
let adminApi: ApiClient;
let rep: User;
let repApi: ApiClient;
let contact: Contact;
let stages: PipelineStage[];

/** A new member of the shared organisation: a home page of their own, whatever other files add. */
async function newMember(name: string): Promise<{ user: User; credentials: typeof admin }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}-${stamp}@${server.domain}`;
  const user = await adminApi.createUser({ email, name, role: 'member', password: server.password });
  return { user, credentials: { email, password: server.password } };
}

/** The home page's section with this heading. */
const section = (name: string) => screen.getByRole('region', { name });

beforeAll(async () => {
  adminApi = await apiAs(server.url, admin);
  stages = await adminApi.pipelineStages();
  const member = await newMember('Hana Home');
  rep = member.user;
  repApi = await apiAs(server.url, member.credentials);
  const account = await adminApi.createAccount({ name: `Larkspur ${stamp} Ltd`, ownerId: rep.id });
  contact = await adminApi.createContact({
    firstName: 'Jonas',
    lastName: `Brandt ${stamp}`,
    accountId: account.id,
    ownerId: rep.id,
    emails: [`jonas.${stamp}@larkspur.example`],
  });
  await adminApi.createTask({
    title: 'Send the signed order form',
    dueAt: '2026-01-05T09:00:00.000Z',
    assigneeId: rep.id,
    contactId: contact.id,
  });
  await adminApi.createTask({
    title: 'Plan the spring visit',
    dueAt: '2099-03-02T09:00:00.000Z',
    assigneeId: rep.id,
  });
  await adminApi.createOpportunity({
    name: 'Larkspur fleet',
    accountId: account.id,
    stageId: stages[1]!.id,
    amountMinor: 1_250_000,
    currency: 'EUR',
    closeDate: '2099-04-30',
    ownerId: rep.id,
  });
  await adminApi.fileEmail({
    messageId: `<home-${stamp}@larkspur.example>`,
    subject: 'Order form attached',
    from: { email: `jonas.${stamp}@larkspur.example`, name: 'Jonas Brandt' },
    to: [{ email: server.adminEmail, name: 'Ada' }],
    sentAt: '2026-11-30T08:30:00.000Z',
    bodyText: 'Here is the signed form.',
    source: 'outlook',
    links: [{ type: 'contact', id: contact.id }],
  });
  await repApi.recordView({ type: 'account', id: account.id });
});

afterEach(closePane);

describe('the console’s home page', () => {
  it('when a member opens the console, then Home comes first and shows their tasks, deals, recent records and mail in words', async () => {
    await openConsole(server.url, '/app/', { email: rep.email, password: server.password });
    expect(await screen.findByRole('heading', { name: 'Home', level: 1 })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Console' });
    expect(within(nav).getAllByRole('link')[0]!.textContent).toBe('Home');
    expect(within(nav).getByRole('link', { name: 'Search' }).getAttribute('href')).toBe('/app/search');

    const tasks = await screen.findByRole('region', { name: 'My open tasks' });
    expect(tasks.textContent).toContain('2 open tasks · 1 task overdue');
    const taskList = within(tasks).getByRole('list', { name: 'My open tasks, due soonest first' });
    const [overdue, later] = within(taskList).getAllByRole('listitem');
    expect(within(overdue!).getByText('Send the signed order form')).toBeTruthy();
    expect(within(overdue!).getByText(/^Overdue · was due (5 Jan|Jan 5)\b/)).toBeTruthy();
    expect(within(overdue!).getByRole('link', { name: `Jonas Brandt ${stamp}` })).toBeTruthy();
    expect(within(later!).getByText(/^Due (2 Mar 2099|Mar 2, 2099)$/)).toBeTruthy();
    expect(within(tasks).getByRole('link', { name: 'All my tasks' }).getAttribute('href')).toBe('/app/tasks');

    const deals = section('My open deals');
    expect(within(deals).getByRole('link', { name: 'Larkspur fleet' })).toBeTruthy();
    expect(
      within(deals).getByText(
        new RegExp(
          `^Larkspur ${stamp} Ltd · ${stages[1]!.name} · €12,500\\.00 · closes (30 Apr 2099|Apr 30, 2099)$`,
        ),
      ),
    ).toBeTruthy();
    expect(within(deals).getByRole('link', { name: 'All my open deals' }).getAttribute('href')).toBe(
      '/app/opportunities?owner=me&status=open&sort=closeDate',
    );

    const viewed = section('Recently viewed');
    expect(within(viewed).getByRole('link', { name: `Larkspur ${stamp} Ltd` })).toBeTruthy();
    expect(within(viewed).getByText(/^Account · opened /)).toBeTruthy();

    const mail = section('Recent mail on my records');
    expect(within(mail).getByRole('link', { name: 'Order form attached' })).toBeTruthy();
    expect(
      within(mail).getByText(
        new RegExp(`^From Jonas Brandt <jonas\\.${stamp}@larkspur\\.example> · (30 Nov|Nov 30)\\b`),
      ),
    ).toBeTruthy();

    // A member's dashboard: their role's reports as tiles, each titled with a link to the report.
    const dashboard = await screen.findByRole('region', { name: 'Dashboard' });
    const tiles = await within(dashboard).findAllByRole('heading', { level: 3 });
    expect(tiles.map((tile) => tile.textContent)).toEqual(['Pipeline', 'Forecast', 'Activity', 'Going cold']);
    expect(within(dashboard).getByRole('link', { name: 'Pipeline' }).getAttribute('href')).toBe(
      '/app/reports/pipeline',
    );
    expect(screen.queryByRole('region', { name: 'My team' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'The organisation' })).toBeNull();
    // No raw codes or timestamps anywhere on the page.
    expect(document.body.textContent).not.toMatch(/\d{4}-\d\d-\d\dT|\b[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('when a record is opened from Home, then it leads the recently viewed list on the next visit', async () => {
    await openConsole(server.url, '/app/', { email: rep.email, password: server.password });
    const mail = await screen.findByRole('region', { name: 'Recent mail on my records' });
    await userEvent.click(within(mail).getByRole('link', { name: `Jonas Brandt ${stamp}` }));
    expect(await screen.findByRole('heading', { name: `Jonas Brandt ${stamp}`, level: 1 })).toBeTruthy();
    expect(window.location.pathname).toBe(`/app/contacts/${contact.id}`);

    await waitFor(async () => expect((await repApi.home()).recentlyViewed[0]?.id).toBe(contact.id));
    await userEvent.click(screen.getByRole('link', { name: 'Home' }));
    const viewed = await screen.findByRole('list', { name: 'Recently viewed records, newest first' });
    const names = within(viewed)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(names).toEqual([`Jonas Brandt ${stamp}`, `Larkspur ${stamp} Ltd`]);
  });

  it('when a new member opens Home, then each section says what to do', async () => {
    const { credentials } = await newMember('Nina New');
    await openConsole(server.url, '/app/', credentials);
    expect(await screen.findByText('No open tasks — create one from any record page.')).toBeTruthy();
    expect(screen.getByText(/^No open deals — create one with New opportunity/)).toBeTruthy();
    expect(screen.getByText(/^Nothing opened yet/)).toBeTruthy();
    expect(screen.getByText(/^No mail filed to your records yet/)).toBeTruthy();
  });

  it('when an admin opens Home, then the organisation’s overdue tasks and deals closing this month are there too', async () => {
    await openConsole(server.url, '/app/', admin);
    const organisation = await screen.findByRole('region', { name: 'The organisation' });
    expect(organisation.textContent).toMatch(/(No overdue tasks|\d+ overdue tasks?) across the organisation/);
    const month = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(new Date());
    expect(
      within(organisation).getByRole('link', { name: `All open deals closing in ${month}` }),
    ).toBeTruthy();
  });

  it('when an old search link is followed, then the search opens with its words', async () => {
    await openConsole(server.url, `/app/?q=Larkspur`, admin);
    const box = await screen.findByRole('searchbox', { name: 'Search records and correspondence' });
    expect((box as HTMLInputElement).value).toBe('Larkspur');
  });
});

describe('record pages', () => {
  it('when a website is not a web address, then it is shown as text, never as a link', async () => {
    const account = await adminApi.createAccount({
      name: `Oddsite ${stamp}`,
      website: 'javascript:alert(1)',
    });
    await openConsole(server.url, `/app/accounts/${account.id}`, admin);
    expect(await screen.findByText('javascript:alert(1)')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull();
  });
});
