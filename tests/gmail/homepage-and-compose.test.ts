import { createCustomer } from '../support/customer.js';
import { startTestWorker } from '../support/test-worker.js';
import { describe, expect, test } from './support/add-on-suite.js';
import { actionState, addOnEvent, callAddOn, cardTexts } from './support/add-on-client.js';
import { PUBLIC_URL } from '@inbox-crm/addin-gmail/testing';

const DAY = 24 * 3600 * 1000;

const it = test
  /** Every test's organisation has a customer, and three tasks of the admin's: due, overdue and far off. */
  .extend('agenda', { auto: true }, async ({ org }) => {
    await createCustomer(org.admin);
    await org.admin.post('/api/v1/tasks', {
      title: 'Call Priya back',
      dueAt: new Date(Date.now() + DAY).toISOString(),
    });
    await org.admin.post('/api/v1/tasks', {
      title: 'Chase the overdue invoice',
      dueAt: new Date(Date.now() - DAY).toISOString(),
    });
    await org.admin.post('/api/v1/tasks', {
      title: 'Plan next year',
      dueAt: new Date(Date.now() + 40 * DAY).toISOString(),
    });
  })
  /** The add-on's event for the organisation's admin. */
  .extend(
    'asAdmin',
    ({ google, org }) =>
      (more: Partial<Parameters<typeof addOnEvent>[0]> = {}) =>
        addOnEvent({ userToken: google.userToken(org.adminUser.email), ...more }),
  );

describe('the homepage card', () => {
  it('when Gmail opens the add-on, then it lists the user’s tasks due within a week, overdue first', async ({
    testApp,
    google,
    asAdmin,
  }) => {
    const reply = await callAddOn(testApp.app, google, '/gmail/homepage', asAdmin());
    const texts = cardTexts(reply.body);
    expect(texts.indexOf('Chase the overdue invoice')).toBeGreaterThan(-1);
    expect(texts.indexOf('Chase the overdue invoice')).toBeLessThan(texts.indexOf('Call Priya back'));
    expect(texts).toContain('Send the revised quote');
    expect(texts).not.toContain('Plan next year');
    // Overdue in the same words as the message card and the Outlook pane.
    expect(texts.find((text) => text.startsWith('Overdue'))).toMatch(/^Overdue · due \d+ \w+ \d{4}$/);
  });

  it('when the user searches, then the card lists what matches, each opening the record in the console', async ({
    testApp,
    google,
    asAdmin,
  }) => {
    const home = await callAddOn(testApp.app, google, '/gmail/homepage', asAdmin());
    const reply = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/search',
      asAdmin({ parameters: { state: actionState(home.body, 'search') }, formInputs: { q: ['northwind'] } }),
    );
    const shown = reply.body.renderActions.action.navigations[0].updateCard;
    const results = shown.sections.find(
      (section: { header?: string }) => section.header === 'Results for “northwind”',
    );
    const account = results.widgets.find((widget: any) => widget.decoratedText.text === 'Northwind Traders');
    expect(account.decoratedText.onClick.openLink.url).toMatch(
      new RegExp(`^${PUBLIC_URL}/app/accounts/[0-9a-f-]{36}$`),
    );
  });

  it('when the words are in filed correspondence, then the card lists it with the words in bold, each opening in the console', async ({
    testApp,
    google,
    org,
    asAdmin,
  }) => {
    const account = await org.admin.post('/api/v1/accounts', { name: 'Liability Partners' });
    const filed = await org.admin.post('/api/v1/emails', {
      messageId: `<indemnity.${Date.now()}@northwind.example>`,
      subject: 'Indemnity & <liability> terms',
      from: { email: 'priya@northwind.example', name: 'Priya Patel' },
      to: [{ email: 'sales@ourco.example' }],
      sentAt: '2026-11-20T09:15:00.000Z',
      bodyText: 'We accept the liability cap as drafted.',
      source: 'api',
      links: [{ type: 'account', id: account.body.id }],
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const home = await callAddOn(testApp.app, google, '/gmail/homepage', asAdmin());
    const reply = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/search',
      asAdmin({ parameters: { state: actionState(home.body, 'search') }, formInputs: { q: ['liability'] } }),
    );
    const shown = reply.body.renderActions.action.navigations[0].updateCard;
    const found = shown.sections.find(
      (section: { header?: string }) => section.header === 'Correspondence with “liability”',
    );
    expect(found.widgets).toHaveLength(1);
    const hit = found.widgets[0].decoratedText;
    expect(hit.text).toBe('Indemnity &amp; &lt;<b>liability</b>&gt; terms');
    expect(hit.topLabel).toMatch(/^Email · 20 Nov 2026 · Priya Patel$/);
    expect(hit.bottomLabel).toBe('We accept the liability cap as drafted.');
    expect(hit.onClick.openLink.url).toBe(`${PUBLIC_URL}/app/emails/${filed.body.id}`);

    const punctuation = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/search',
      asAdmin({ parameters: { state: actionState(home.body, 'search') }, formInputs: { q: ['?!'] } }),
    );
    const headers = punctuation.body.renderActions.action.navigations[0].updateCard.sections.map(
      (section: { header?: string }) => section.header,
    );
    expect(headers).not.toContain('Correspondence with “?!”');
  });

  it('when the search box is empty, then the card asks for something to search for', async ({
    testApp,
    google,
    asAdmin,
  }) => {
    const home = await callAddOn(testApp.app, google, '/gmail/homepage', asAdmin());
    const reply = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/search',
      asAdmin({ parameters: { state: actionState(home.body, 'search') }, formInputs: { q: ['  '] } }),
    );
    expect(cardTexts(reply.body).join(' ')).toContain('Type a name, an address or a word to search for.');
  });
});

describe('notifications on the homepage card', () => {
  it('when reminders have fallen due, then the card shows them as new with the unread count; one can be marked read, then all', async ({
    testApp,
    org,
    google,
    asAdmin,
  }) => {
    for (const title of ['Send Priya the contract', 'Book the kick-off']) {
      const task = await org.admin.post('/api/v1/tasks', {
        title,
        dueAt: new Date(testApp.clock.now().getTime() + DAY).toISOString(),
        reminderMinutes: 60,
      });
      expect(task.status).toBe(201);
    }
    const scheduler = startTestWorker(testApp);
    testApp.clock.advance(DAY);
    await scheduler.worker.drain();
    await scheduler.close();

    const home = await callAddOn(testApp.app, google, '/gmail/homepage', asAdmin());
    const shown = home.body.action.navigations[0].pushCard;
    const section = shown.sections.find(
      (candidate: { header?: string }) => candidate.header === 'Notifications (2 unread)',
    );
    const reminder = section.widgets.find(
      (widget: any) => widget.decoratedText?.text === 'Reminder: Send Priya the contract',
    );
    expect(reminder.decoratedText.topLabel).toMatch(/^New · \d+ \w+ 2026$/);
    expect(reminder.decoratedText.button.text).toBe('Mark read');

    const one = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/mark-notification-read',
      asAdmin({ parameters: { state: actionState(home.body, 'mark-notification-read') } }),
    );
    expect(one.body.renderActions.action.notification.text).toBe('Marked as read.');
    expect(cardTexts(one.body)).toContain('Notifications (1 unread)');

    const all = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/mark-notifications-read',
      asAdmin({ parameters: { state: actionState(one.body, 'mark-notifications-read') } }),
    );
    expect(cardTexts(all.body)).not.toContain('Notifications (1 unread)');
    expect((await org.admin.get('/api/v1/notifications/unread-count')).body.unread).toBe(0);
  });
});

describe('the compose card', () => {
  it('when the user writes to a contact, then their record shows, without filing', async ({
    testApp,
    google,
    asAdmin,
  }) => {
    const reply = await callAddOn(
      testApp.app,
      google,
      '/gmail/compose',
      asAdmin({ toRecipients: ['Priya.Raman@northwind.example'] }),
    );
    const shown = reply.body.action.navigations[0].pushCard;
    expect(shown.header.title).toBe('Priya Raman');
    expect(cardTexts(reply.body)).toContain('Fleet renewal 2027');
    expect(cardTexts(reply.body)).not.toContain('This email is not filed yet.');
  });

  it('when the draft has no recipients yet, then the card says to add some', async ({
    testApp,
    google,
    asAdmin,
  }) => {
    const reply = await callAddOn(testApp.app, google, '/gmail/compose', asAdmin({ toRecipients: [] }));
    expect(cardTexts(reply.body)).toContain('<b>No recipients yet</b>');
  });
});
