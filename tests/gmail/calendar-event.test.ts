import { fakeCalendarApi, type RecordedEvent } from '@inbox-crm/addin-gmail/testing';
import { createCustomer } from '../support/customer.js';
import { describe, expect, test } from './support/add-on-suite.js';
import { actionState, addOnEvent, callAddOn, cardTexts } from './support/add-on-client.js';

const it = test
  /** Every test's organisation has a customer: Priya Raman at Northwind Traders, and their deal. */
  .extend('customer', { auto: true }, ({ org }) => createCustomer(org.admin))
  /** A meeting with Priya in the admin's Google Calendar, served by the Calendar API stand-in. */
  .extend('review', ({ org }) => {
    const event: RecordedEvent = {
      calendarId: org.adminUser.email,
      id: `ev${Math.random().toString(36).slice(2, 12)}_20261208T140000Z`,
      summary: 'Fleet renewal review',
      start: { dateTime: '2026-12-08T14:00:00Z', timeZone: 'Europe/London' },
      end: { dateTime: '2026-12-08T14:45:00Z', timeZone: 'Europe/London' },
      location: 'Northwind, Harbour Road 4',
      organizer: { email: 'priya.raman@northwind.example', displayName: 'Priya Raman' },
      attendees: [
        { email: 'priya.raman@northwind.example', displayName: 'Priya Raman' },
        { email: org.adminUser.email, self: true },
        { email: 'dana.whitfield@contoso-labs.example', displayName: 'Dana Whitfield' },
        { email: 'c_room-harbour@resource.calendar.google.com', displayName: 'Harbour room', resource: true },
      ],
    };
    const token = `ya29.${Math.random()}`;
    return { event, token, api: fakeCalendarApi(event, token) };
  });

describe('the add-on beside a Google Calendar event', () => {
  it('when a meeting with a customer is opened, then the card shows when and where, the customer’s record, the other guest, and offers to log it', async ({
    testApp,
    google,
    org,
    review,
  }) => {
    const reply = await callAddOn(
      testApp.app,
      google,
      '/gmail/calendar-event',
      addOnEvent({
        userToken: google.userToken(org.adminUser.email),
        event: { calendarId: review.event.calendarId, id: review.event.id, oauthToken: review.token },
      }),
    );
    expect(reply.status).toBe(200);
    const card = reply.body.action.navigations[0].pushCard;
    expect(card.header).toEqual({
      title: 'Fleet renewal review',
      subtitle: '8 Dec, 14:00–14:45 · Northwind, Harbour Road 4',
    });
    const texts = cardTexts(reply.body);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Not logged yet. Logging records it once for everyone on it.',
        'Log meeting',
        'Also on this meeting (1)',
        'Dana Whitfield',
        'Fleet renewal 2027',
      ]),
    );
    expect(texts.some((text) => text.includes('Priya Raman'))).toBe(true);
    expect(texts.join(' ')).not.toContain('Harbour room');
  });

  it('when Log meeting is clicked, then the meeting is on the customer’s contact and account once, however often and by whom it is logged', async ({
    testApp,
    google,
    org,
    customer,
    review,
  }) => {
    const eventFor = (email: string, state?: string) =>
      addOnEvent({
        userToken: google.userToken(email),
        event: { calendarId: review.event.calendarId, id: review.event.id, oauthToken: review.token },
        ...(state ? { parameters: { state } } : {}),
      });
    const opened = await callAddOn(
      testApp.app,
      google,
      '/gmail/calendar-event',
      eventFor(org.adminUser.email),
    );
    const logged = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/log-meeting',
      eventFor(org.adminUser.email, actionState(opened.body, 'log-meeting')),
    );
    expect(logged.body.renderActions.action.notification).toEqual({ text: 'Meeting logged.' });
    expect(cardTexts(logged.body)).toContain('Meeting logged: on the timelines of 2 records.');
    expect(cardTexts(logged.body)).not.toContain('Log meeting');

    const meetings = await org.admin.get(
      `/api/v1/activities?type=meeting&recordType=contact&recordId=${customer.contact.id}`,
    );
    expect(meetings.body.items).toHaveLength(1);
    expect(meetings.body.items[0]).toMatchObject({
      subject: 'Fleet renewal review',
      occurredAt: '2026-12-08T14:00:00.000Z',
      durationMinutes: 45,
    });
    expect(meetings.body.items[0].links).toEqual(
      expect.arrayContaining([
        { type: 'contact', id: customer.contact.id },
        { type: 'account', id: customer.account.id },
      ]),
    );

    // A colleague invited to the same meeting logs it from their own card: it is the same meeting.
    const { user: colleague } = await org.addUser('member');
    const theirs = await callAddOn(testApp.app, google, '/gmail/calendar-event', eventFor(colleague.email));
    expect(cardTexts(theirs.body)).toContain('Meeting logged: on the timelines of 2 records.');
    const stale = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/log-meeting',
      eventFor(colleague.email, actionState(opened.body, 'log-meeting')),
    );
    // Whoever clicks Log meeting logs as themselves (the signed state names no user), and finds it logged.
    expect(stale.body.renderActions.action.notification).toEqual({
      text: 'This meeting was logged already.',
    });
    const all = await org.admin.get('/api/v1/activities?type=meeting');
    expect(all.body.items).toHaveLength(1);
  });

  it('when Google Calendar refuses the event, then the card says so in words', async ({
    testApp,
    google,
    org,
  }) => {
    const gone: RecordedEvent = {
      calendarId: org.adminUser.email,
      id: 'evgone',
      summary: '',
      start: {},
      end: {},
      organizer: { email: org.adminUser.email },
      attendees: [],
    };
    fakeCalendarApi(gone, 'ya29.gone', { status: 404 });
    const reply = await callAddOn(
      testApp.app,
      google,
      '/gmail/calendar-event',
      addOnEvent({
        userToken: google.userToken(org.adminUser.email),
        event: { calendarId: gone.calendarId, id: gone.id, oauthToken: 'ya29.gone' },
      }),
    );
    expect(reply.status).toBe(200);
    expect(cardTexts(reply.body)).toEqual(expect.arrayContaining(['<b>The event is gone</b>']));
  });
});
