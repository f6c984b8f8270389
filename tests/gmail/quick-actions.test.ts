import { createCustomer } from '../support/customer.js';
import { stagesByName } from '../support/reports.js';
import { describe, expect, test } from './support/add-on-suite.js';
import { actionState, addOnEvent, callAddOn, cardTexts } from './support/add-on-client.js';
import { openGmailMessage } from './support/open-message.js';

const it = test
  /** Every test's organisation has a customer: Priya Raman at Northwind Traders, and their deal. */
  .extend('customer', { auto: true }, ({ org }) => createCustomer(org.admin))
  /** A message from `from` open in Gmail, its card drawn, and a way to act on it. */
  .extend('openMessage', ({ testApp, google, org }) => async (from: string) => {
    const { card, event } = await openGmailMessage(testApp.app, google, org.adminUser.email, from);
    /** Opens a quick form from the card's button (by its label) and submits it with these inputs. */
    async function submit(buttonLabel: string, action: string, formInputs: Record<string, string[]>) {
      const button = findButton(card, buttonLabel);
      const form = await callAddOn(
        testApp.app,
        google,
        '/gmail/action/open-form',
        event({ parameters: { state: button } }),
      );
      return callAddOn(
        testApp.app,
        google,
        `/gmail/action/${action}`,
        event({ parameters: { state: actionState(form.body, action) }, formInputs }),
      );
    }
    return { card, submit };
  });

/** The signed state of the button with this label. */
function findButton(cardBody: any, label: string): string {
  const sections = cardBody.action.navigations[0].pushCard.sections as any[];
  for (const section of sections) {
    for (const widget of section.widgets) {
      const found = widget.buttonList?.buttons.find((button: any) => button.text === label);
      if (found) return found.onClick.action.parameters[0].value;
    }
  }
  throw new Error(`No button ${label}`);
}

describe('quick actions in Gmail', () => {
  it('when a note is added, then it is linked to the contact and account and the card says so', async ({
    org,
    customer,
    openMessage,
  }) => {
    const { submit } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    const reply = await submit('Add note', 'add-note', {
      note: ['Prefers calls before 10am\nBased in Leeds'],
    });
    expect(reply.body.renderActions.action.notification).toEqual({ text: 'Note added for Priya Raman.' });
    expect(cardTexts(reply.body)).toContain('Prefers calls before 10am');
    const timeline = await org.admin.get(`/api/v1/accounts/${customer.account.id}/timeline?type=note`);
    expect(timeline.body.items[0].subject).toBe('Prefers calls before 10am');
  });

  it('when a call is logged, then its direction, outcome and length are stored', async ({
    org,
    customer,
    openMessage,
  }) => {
    const { submit } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    const reply = await submit('Log call', 'log-call', {
      direction: ['inbound'],
      outcome: ['Left voicemail'],
      minutes: ['12'],
      notes: ['Asked about the VAT rate'],
    });
    expect(reply.body.renderActions.action.notification).toEqual({ text: 'Call with Priya Raman logged.' });
    const calls = await org.admin.get(
      `/api/v1/activities?type=call&recordType=contact&recordId=${customer.contact.id}`,
    );
    expect(calls.body.items[0]).toMatchObject({
      subject: 'Call from Priya Raman',
      direction: 'inbound',
      outcome: 'Left voicemail',
      durationMinutes: 12,
    });
  });

  it('when Move stage is used, then the form offers the person’s open deals and the pipeline, and the deal moves', async ({
    org,
    customer,
    testApp,
    google,
    openMessage,
  }) => {
    const { card } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    const stages = await stagesByName(org.admin);
    const form = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/open-form',
      addOnEvent({
        userToken: google.userToken(org.adminUser.email),
        parameters: { state: findButton(card, 'Move stage') },
      }),
    );
    const texts = cardTexts(form.body);
    expect(texts).toEqual(expect.arrayContaining(['Fleet renewal 2027 (Lead)', 'Qualified', 'Proposal']));
    const { submit } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    const reply = await submit('Move stage', 'move-stage', {
      opportunity: [`${customer.opportunity.id}@${customer.opportunity.version}`],
      stage: [stages.Proposal!.id],
    });
    expect(reply.body.renderActions.action.notification).toEqual({
      text: 'Fleet renewal 2027 moved to Proposal.',
    });
    const moved = await org.admin.get(`/api/v1/opportunities/${customer.opportunity.id}`);
    expect(moved.body.stageId).toBe(stages.Proposal!.id);
    expect(cardTexts(reply.body).join(' ')).toContain('Proposal');

    // A form drawn before that move is stale now: it is refused, not moved back.
    const stale = await submit('Move stage', 'move-stage', {
      opportunity: [`${customer.opportunity.id}@${customer.opportunity.version}`],
      stage: [stages.Lead!.id],
    });
    expect(cardTexts(stale.body).join(' ')).toContain('was changed by');
    expect((await org.admin.get(`/api/v1/opportunities/${customer.opportunity.id}`)).body.stageId).toBe(
      stages.Proposal!.id,
    );
  });

  it('when a follow-up task is made for a week on, then it falls due at 17:00 the user’s time that day, with the reminder asked for', async ({
    org,
    customer,
    openMessage,
  }) => {
    const { submit } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    const reply = await submit('Follow-up task', 'create-task', {
      title: ['Send the signed contract'],
      due: ['7'],
      reminder: ['60'],
    });
    expect(reply.body.renderActions.action.notification).toEqual({
      text: 'Task “Send the signed contract” created.',
    });
    const tasks = await org.admin.get(`/api/v1/tasks?contactId=${customer.contact.id}&done=false`);
    const task = tasks.body.items.find(
      (item: { title: string }) => item.title === 'Send the signed contract',
    );
    const due = new Date(task.dueAt);
    expect(due.getUTCHours()).toBe(17);
    expect(Math.round((due.getTime() - Date.now()) / (24 * 3600 * 1000))).toBeGreaterThanOrEqual(6);
    expect(task.accountId).toBe(customer.account.id);
    expect(task.reminderMinutes).toBe(60);
  });

  it('when an unknown sender at a new company becomes a contact, then the account is made from the domain and the card shows them', async ({
    openMessage,
  }) => {
    const { card, submit } = await openMessage('"Whitfield, Dana" <dana@contoso-labs.example>');
    expect(cardTexts(card)).not.toContain('Quick actions');
    const reply = await submit('Create contact', 'create-contact', {
      'first-name': ['Dana'],
      'last-name': ['Whitfield'],
      'job-title': ['CFO'],
      'new-account': ['yes'],
      'account-name': ['Contoso Labs'],
    });
    expect(reply.body.renderActions.action.notification).toEqual({
      text: 'Dana Whitfield is now a contact.',
    });
    const shown = reply.body.renderActions.action.navigations[1].updateCard;
    expect(shown.header).toEqual({ title: 'Dana Whitfield', subtitle: 'CFO · Contoso Labs' });
  });

  it('when the note is long, then it is kept whole rather than refused', async ({
    org,
    customer,
    openMessage,
  }) => {
    const { submit } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    const note = `Minutes of the renewal workshop\n${'All vehicles reviewed. '.repeat(2500)}`;
    const reply = await submit('Add note', 'add-note', { note: [note] });
    expect(reply.status).toBe(200);
    expect(reply.body.renderActions.action.notification).toEqual({ text: 'Note added for Priya Raman.' });
    const notes = await org.admin.get(
      `/api/v1/activities?type=note&recordType=contact&recordId=${customer.contact.id}`,
    );
    expect(notes.body.items[0].body).toBe(note.trim());
  });

  it('when the note is empty, then nothing is stored and the card says what to do', async ({
    openMessage,
  }) => {
    const { submit } = await openMessage('"Priya Raman" <priya.raman@northwind.example>');
    const reply = await submit('Add note', 'add-note', { note: ['   '] });
    expect(cardTexts(reply.body).join(' ')).toContain('Write the note first.');
  });
});
