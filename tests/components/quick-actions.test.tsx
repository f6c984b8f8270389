import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient, Contact, Opportunity, PipelineStage } from '@inbox-crm/shared/client';
import { inboxMessage } from '../support/customer.js';
import { apiAs, closePane, openPane } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
let api: ApiClient;
let contact: Contact;
let opportunity: Opportunity;
let stages: PipelineStage[];

// A customer of this file's own, so the history it writes does not crowd other files' views.
beforeAll(async () => {
  api = await apiAs(server.url, admin);
  const account = await api.createAccount({ name: 'Fjordline Shipping', domains: ['fjordline.example'] });
  contact = await api.createContact({
    firstName: 'Tomas',
    lastName: 'Berg',
    accountId: account.id,
    emails: ['tomas.berg@fjordline.example'],
  });
  stages = await api.pipelineStages();
  opportunity = await api.createOpportunity({
    name: 'Charter contract 2027',
    accountId: account.id,
    contactId: contact.id,
    stageId: stages.find((stage) => stage.name === 'Qualified')!.id,
  });
});

afterEach(closePane);

async function openTomas() {
  const message = inboxMessage(server.adminEmail, {
    subject: 'Charter dates',
    from: { emailAddress: 'tomas.berg@fjordline.example', displayName: 'Tomas Berg' },
  });
  await openPane(
    server.url,
    { userAddress: server.adminEmail, messages: [message], selected: 0 },
    { signIn: admin },
  );
  await screen.findByLabelText('Contact Tomas Berg');
}

const history = () => screen.getByRole('region', { name: 'Recent history' });

describe('quick actions from the pane', () => {
  it('when a note is added, then it is linked to the contact and account and shows in the history', async () => {
    await openTomas();
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const form = screen.getByRole('form', { name: 'Add a note' });
    await userEvent.type(
      within(form).getByLabelText(/^Note/),
      'Prefers calls before 10am{enter}Based in Bergen',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Save note' }));

    expect(await screen.findByText('Note added for Tomas Berg.')).toBeTruthy();
    await waitFor(() => expect(within(history()).getByText('Prefers calls before 10am')).toBeTruthy());
    const timeline = await api.timeline({ type: 'account', id: contact.accountId! }, { type: 'note' });
    expect(timeline.items.map((entry) => entry.subject)).toContain('Prefers calls before 10am');
  });

  it('when a call is logged with its outcome and duration, then the history shows it', async () => {
    await openTomas();
    await userEvent.click(screen.getByRole('button', { name: 'Log call' }));
    const form = screen.getByRole('form', { name: 'Log a call' });
    await userEvent.click(within(form).getByRole('radio', { name: 'Incoming' }));
    await userEvent.selectOptions(within(form).getByLabelText('Outcome'), 'Call back requested');
    await userEvent.clear(within(form).getByLabelText('Duration (minutes)'));
    await userEvent.type(within(form).getByLabelText('Duration (minutes)'), '12');
    await userEvent.click(within(form).getByRole('button', { name: 'Save call' }));

    expect(await screen.findByText('Call with Tomas Berg logged.')).toBeTruthy();
    await waitFor(() => expect(within(history()).getByText('Call from Tomas Berg')).toBeTruthy());
    expect(within(history()).getByText(/Call · .* · 12 min/)).toBeTruthy();
  });

  it('when a follow-up task is made "in a week" for a teammate, then it is open on the person with that assignee', async () => {
    await openTomas();
    await userEvent.click(screen.getByRole('button', { name: 'Follow-up task' }));
    const form = screen.getByRole('form', { name: 'Create a follow-up task' });
    expect(within(form).getByLabelText(/^Title/)).toHaveProperty('value', 'Follow up with Tomas Berg');
    await userEvent.click(within(form).getByRole('button', { name: 'In a week' }));
    await waitFor(() => expect(within(form).getAllByRole('option', { name: 'Sam Member' })).toHaveLength(1));
    await userEvent.selectOptions(within(form).getByLabelText('Assignee'), 'Sam Member');
    await userEvent.selectOptions(within(form).getByLabelText('Remind'), '1 day before');
    await userEvent.selectOptions(
      within(form).getByLabelText('Regarding'),
      'Opportunity: Charter contract 2027',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Create task' }));

    expect(await screen.findByText('Task "Follow up with Tomas Berg" created.')).toBeTruthy();
    const tasks = await api.listTasks({ contactId: contact.id, done: false });
    const task = tasks.items.find((item) => item.title === 'Follow up with Tomas Berg')!;
    expect(task).toMatchObject({
      opportunityId: opportunity.id,
      reminderMinutes: 24 * 60,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    const days = (new Date(task.dueAt!).getTime() - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(6);
    expect(days).toBeLessThan(8);
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Open tasks' })).getByText(/Sam Member/)).toBeTruthy(),
    );
  });

  it('when an opportunity is moved to another stage, then the pane shows the new stage', async () => {
    await openTomas();
    await userEvent.click(screen.getByRole('button', { name: 'Move stage' }));
    const form = screen.getByRole('form', { name: 'Move an opportunity' });
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /Negotiation/ })).toHaveLength(1));
    // A closing stage reads as its name alone; an open one adds its odds.
    expect(within(form).getByRole('option', { name: 'Closed won' })).toBeTruthy();
    expect(within(form).getByRole('option', { name: 'Negotiation (75%)' })).toBeTruthy();
    await userEvent.selectOptions(
      within(form).getByLabelText(/New stage/),
      within(form).getByRole('option', { name: /Negotiation/ }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Move' }));

    expect(await screen.findByText('Charter contract 2027 moved to Negotiation.')).toBeTruthy();
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Open opportunities' })).getByText(/^Negotiation/),
      ).toBeTruthy(),
    );
    expect((await api.getRecord('opportunity', opportunity.id)).stageId).toBe(
      stages.find((stage) => stage.name === 'Negotiation')!.id,
    );
  });
});
