import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient, Contact } from '@inbox-crm/shared/client';
import { inboxMessage } from '../support/customer.js';
import { apiAs, closePane, openConsole, openPane } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
const member = { email: server.memberEmail, password: server.password };
let adminApi: ApiClient;
let memberApi: ApiClient;

beforeAll(async () => {
  adminApi = await apiAs(server.url, admin);
  memberApi = await apiAs(server.url, member);
});
afterEach(closePane);

describe('notifications in the task pane', () => {
  it('when a reminder falls due, then the bell shows it unread, lists it, and marking it read clears the count', async () => {
    const before = await memberApi.unreadCount();
    await memberApi.createTask({
      title: 'Call Priya about the renewal',
      dueAt: new Date(Date.now() + 60_000).toISOString(),
      reminderMinutes: 5,
    });
    await waitFor(async () => expect(await memberApi.unreadCount()).toBeGreaterThan(before), {
      timeout: 10_000,
    });
    await openPane(
      server.url,
      { userAddress: member.email, messages: [inboxMessage(member.email)], selected: 0 },
      { signIn: member },
    );

    const bell = await screen.findByRole('button', { name: `Notifications, ${before + 1} unread` });
    await userEvent.click(bell);
    const item = await screen.findByRole('listitem', {
      name: 'Unread: Reminder: Call Priya about the renewal',
    });
    expect(within(item).getByText(/^Due /)).toBeTruthy();
    await userEvent.click(within(item).getByRole('button', { name: 'Mark read' }));

    await waitFor(() =>
      expect(screen.getByRole('listitem', { name: 'Reminder: Call Priya about the renewal' })).toBeTruthy(),
    );
    expect(await memberApi.unreadCount()).toBe(before);
    await userEvent.click(screen.getByRole('button', { name: /^Notifications/ }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeTruthy();
  });
});

describe('the workflow page', () => {
  it('when an admin writes a rule in the form, then it is saved and described in words, and can be switched off', async () => {
    await openConsole(server.url, '/app/', admin);
    await userEvent.click(await screen.findByRole('link', { name: 'Workflow' }));
    await userEvent.click(await screen.findByRole('button', { name: 'New rule' }));
    expect(await screen.findByText('No email or webhook call has failed.')).toBeTruthy();
    expect(await screen.findByText('Every rule action has run.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New rule' });
    await userEvent.type(within(form).getByLabelText(/Rule name/), 'Chase deals in negotiation');
    await userEvent.selectOptions(within(form).getByLabelText('When a record of type'), 'opportunity');
    await userEvent.selectOptions(within(form).getByLabelText('Trigger'), 'field_changed');
    await userEvent.selectOptions(within(form).getByLabelText('Field that changes'), 'stage');
    await userEvent.selectOptions(within(form).getByLabelText('Changes to'), 'Negotiation');
    await userEvent.selectOptions(within(form).getByLabelText('Add an action'), 'send_reminder');
    const action = within(form).getByRole('group', { name: 'Action 1: Send a reminder' });
    await userEvent.type(within(action).getByLabelText(/Message/), 'Check the deal is moving');
    await userEvent.selectOptions(within(action).getByLabelText('To'), 'owner_manager');
    const after = within(action).getByLabelText('After');
    await userEvent.clear(after);
    await userEvent.type(after, '3');
    expect(within(action).getByRole('checkbox', { name: /this server has no SMTP/ })).toHaveProperty(
      'disabled',
      true,
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Save rule' }));

    const rule = await screen.findByRole('listitem', { name: 'Chase deals in negotiation' });
    expect(
      within(rule).getByText(
        "When an opportunity's stage changes to Negotiation: remind the owner's manager after 3 days (in the app): “Check the deal is moving”.",
      ),
    ).toBeTruthy();
    const saved = (await adminApi.workflowRules()).find(
      (candidate) => candidate.name === 'Chase deals in negotiation',
    )!;
    expect(saved).toMatchObject({
      enabled: true,
      trigger: { type: 'field_changed', field: 'stage', to: 'Negotiation' },
      actions: [
        {
          type: 'send_reminder',
          to: { type: 'owner_manager' },
          after: { amount: 3, unit: 'days' },
          email: false,
        },
      ],
    });

    await userEvent.click(within(rule).getByRole('button', { name: 'Edit' }));
    const edit = screen.getByRole('form', { name: 'Edit Chase deals in negotiation' });
    const afterAgain = within(
      within(edit).getByRole('group', { name: 'Action 1: Send a reminder' }),
    ).getByLabelText('After');
    expect(afterAgain).toHaveProperty('value', '3');
    await userEvent.clear(afterAgain);
    await userEvent.type(afterAgain, '5');
    await userEvent.click(within(edit).getByRole('button', { name: 'Save rule' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('listitem', { name: 'Chase deals in negotiation' })).getByText(
          /after 5 days/,
        ),
      ).toBeTruthy(),
    );
    expect((await adminApi.workflowRules()).find((candidate) => candidate.id === saved.id)).toMatchObject({
      version: 2,
      actions: [{ after: { amount: 5, unit: 'days' } }],
    });

    await userEvent.click(
      within(screen.getByRole('listitem', { name: 'Chase deals in negotiation' })).getByRole('switch'),
    );
    await waitFor(async () =>
      expect((await adminApi.workflowRules()).find((candidate) => candidate.id === saved.id)?.enabled).toBe(
        false,
      ),
    );
  });

  it("when a rule cannot work, then the form shows the server's reason and nothing is saved", async () => {
    const count = (await adminApi.workflowRules()).length;
    await openConsole(server.url, '/app/workflow', admin);
    await userEvent.click(await screen.findByRole('button', { name: 'New rule' }));
    const form = screen.getByRole('form', { name: 'New rule' });
    await userEvent.type(within(form).getByLabelText(/Rule name/), 'Broken');
    await userEvent.click(within(form).getByRole('button', { name: 'Add a condition' }));
    const condition = within(form).getByRole('group', { name: 'Condition 1' });
    await userEvent.selectOptions(within(condition).getByLabelText('Field'), 'probability');
    await userEvent.selectOptions(within(condition).getByLabelText('Compare'), 'greater_than');
    await userEvent.type(within(condition).getByLabelText('Value'), 'high');
    await userEvent.selectOptions(within(form).getByLabelText('Add an action'), 'create_task');
    await userEvent.type(within(form).getByLabelText(/Task title/), 'Look at it');
    await userEvent.click(within(form).getByRole('button', { name: 'Save rule' }));

    expect(await within(form).findByText('Probability is a number; "high" is not.')).toBeTruthy();
    expect(await adminApi.workflowRules()).toHaveLength(count);
  });

  it('when a member opens it, then there is no link to it and the page says only admins manage rules', async () => {
    await openConsole(server.url, '/app/workflow', member);
    expect(await screen.findByText(/Only admins manage workflow rules/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Workflow' })).toBeNull();
  });
});

describe('engagement plans on a record page', () => {
  let contact: Contact;

  beforeAll(async () => {
    contact = await adminApi.createContact({
      firstName: 'Tomas',
      lastName: 'Berg',
      emails: ['tomas@berg-shipping.example'],
    });
    await adminApi.createPlan({
      name: 'New contact welcome',
      recordType: 'contact',
      steps: [
        { day: 0, type: 'email', title: 'Send the intro email' },
        { day: 3, type: 'call', title: 'Intro call' },
      ],
    });
  });

  it('when a plan is started from the record, then its steps show with their state, and it can be stopped', async () => {
    await openConsole(server.url, `/app/contacts/${contact.id}`, admin);
    const panel = await screen.findByRole('region', { name: 'Engagement plans' });
    await within(panel).findByText('No plan has run for this record.');
    await userEvent.click(await within(panel).findByRole('combobox', { name: 'Engagement plan' }));
    await userEvent.click(await screen.findByRole('option', { name: 'New contact welcome' }));
    await userEvent.click(within(panel).getByRole('button', { name: 'Start plan' }));

    const run = await within(panel).findByRole('listitem', { name: 'Plan New contact welcome' });
    expect(within(run).getByText('Running')).toBeTruthy();
    expect(within(run).getByText(/^Day 3 · Call: Intro call — on /)).toBeTruthy();
    await userEvent.click(within(run).getByRole('button', { name: 'Stop this plan' }));
    // The list is drawn again once the stop is saved: look for the plan's item anew, not the old one.
    expect(await within(panel).findByText('Stopped: stopped by hand', {}, { timeout: 5_000 })).toBeTruthy();
    const stopped = within(panel).getByRole('listitem', { name: 'Plan New contact welcome' });
    expect(within(stopped).getByText('Day 3 · Call: Intro call — cancelled')).toBeTruthy();
  });
});
