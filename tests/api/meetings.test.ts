import { meetingOccurrenceKey, type MeetingLog } from '@inbox-crm/shared';
import { createAccount, createContact } from '../support/fixtures.js';
import { createTestOrganisation } from '../support/organisation.js';
import { reportOf } from '../support/reports.js';
import { describe, expect, test } from '../support/suite.js';

const it = test.extend('people', { auto: true }, async ({ org }) => {
  const account = await createAccount(org.admin, { name: 'Fjord Freight', domains: ['fjord.example'] });
  const ingrid = await createContact(org.admin, {
    firstName: 'Ingrid',
    lastName: 'Berg',
    emails: ['ingrid@fjord.example'],
    accountId: account.id,
  });
  return { account, ingrid };
});

function meeting(organizer: string, overrides: Partial<MeetingLog> = {}): MeetingLog {
  const startsAt = '2026-11-24T09:30:00.000Z';
  const base = {
    subject: 'Quarterly freight review',
    startsAt,
    endsAt: '2026-11-24T10:15:00.000Z',
    organizer: { email: organizer, name: 'Ada Admin' },
    attendees: [
      { email: 'Ingrid@Fjord.example', name: 'Ingrid Berg' },
      { email: 'walk-in@elsewhere.example', name: null },
    ],
    location: 'Harbour office',
    source: 'outlook' as const,
  };
  return { ...base, ...overrides };
}

const statusPath = (organizer: string) =>
  `/api/v1/meetings?occurrenceKey=${encodeURIComponent(
    meetingOccurrenceKey({
      organizer: { email: organizer },
      startsAt: '2026-11-24T09:30:00.000Z',
      subject: '',
    }),
  )}`;

describe('meetings logged from a calendar', () => {
  it('when an attendee logs a meeting, then it is a meeting on the contact’s and the account’s timelines with its time and length, and its attendees are matched', async ({
    org,
    people,
  }) => {
    const logged = await org.admin.post('/api/v1/meetings', meeting(org.adminUser.email));
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({
      created: true,
      activity: {
        type: 'meeting',
        subject: 'Quarterly freight review',
        occurredAt: '2026-11-24T09:30:00.000Z',
        durationMinutes: 45,
      },
    });
    expect(logged.body.attendees).toEqual([
      { email: 'ingrid@fjord.example', name: 'Ingrid Berg', contactId: people.ingrid.id },
      { email: 'walk-in@elsewhere.example', name: null, contactId: null },
    ]);
    expect(logged.body.activity.body).toContain('Where: Harbour office');
    expect(logged.body.activity.links).toEqual(
      expect.arrayContaining([
        { type: 'contact', id: people.ingrid.id },
        { type: 'account', id: people.account.id },
      ]),
    );
    for (const path of [`/contacts/${people.ingrid.id}`, `/accounts/${people.account.id}`]) {
      const timeline = await org.admin.get(`/api/v1${path}/timeline`);
      expect(timeline.body.items.map((entry: { type: string; durationMinutes: number }) => entry)).toEqual([
        expect.objectContaining({
          type: 'meeting',
          subject: 'Quarterly freight review',
          durationMinutes: 45,
        }),
      ]);
    }
    const report = await reportOf(org.admin, 'activity', {
      from: '2026-11-23',
      to: '2026-11-29',
      timeZone: 'UTC',
    });
    expect(report.people.flatMap((person) => person.weeks.map((week) => week.meetings))).toEqual([1]);
  });

  it('when the same occurrence is logged again by another attendee, then it is the same meeting, with their records added', async ({
    org,
    people,
  }) => {
    const { client: colleague } = await org.addUser('member');
    const first = await org.admin.post('/api/v1/meetings', meeting(org.adminUser.email));
    const opportunity = await colleague.post('/api/v1/opportunities', {
      name: 'Winter contract',
      accountId: people.account.id,
    });
    // Their Outlook shows the same start in another zone, and the organiser's address in capitals.
    const again = await colleague.post(
      '/api/v1/meetings',
      meeting(org.adminUser.email.toUpperCase(), {
        startsAt: '2026-11-24T10:30:00+01:00',
        endsAt: '2026-11-24T11:15:00+01:00',
        source: 'google-calendar',
        links: [{ type: 'opportunity', id: opportunity.body.id }],
      }),
    );
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(again.body.activity.id).toBe(first.body.activity.id);
    expect(again.body.activity.links).toContainEqual({ type: 'opportunity', id: opportunity.body.id });
    const listed = await org.admin.get(`/api/v1/activities?type=meeting`);
    expect(listed.body.items).toHaveLength(1);

    const status = await colleague.get(statusPath(org.adminUser.email));
    expect(status.body.activity.id).toBe(first.body.activity.id);
  });

  it('when two attendees log the same occurrence at once, then one meeting is made', async ({ org }) => {
    const { client: colleague } = await org.addUser('member');
    const replies = await Promise.all([
      org.admin.post('/api/v1/meetings', meeting(org.adminUser.email)),
      colleague.post('/api/v1/meetings', meeting(org.adminUser.email)),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 201]);
    expect(new Set(replies.map((reply) => reply.body.activity.id)).size).toBe(1);
  });

  it('when a colleague logged it privately, then it stays theirs: another attendee logs the meeting for everyone, and sees nothing of the private one', async ({
    org,
  }) => {
    const { client: colleague } = await org.addUser('member');
    const { client: third } = await org.addUser('member');
    const mine = await colleague.post('/api/v1/meetings', meeting(org.adminUser.email, { private: true }));
    expect(mine.status).toBe(201);
    expect((await third.get(statusPath(org.adminUser.email))).body).toEqual({ activity: null });
    // Logging it privately again finds the colleague's own.
    const again = await colleague.post('/api/v1/meetings', meeting(org.adminUser.email, { private: true }));
    expect([again.status, again.body.activity.id]).toEqual([200, mine.body.activity.id]);

    const shared = await third.post('/api/v1/meetings', meeting(org.adminUser.email));
    expect(shared.status).toBe(201);
    expect(shared.body.activity.id).not.toBe(mine.body.activity.id);
    expect(shared.body.activity.private).toBe(false);
    // From now on the organisation's meeting is the one everyone, its private logger too, finds.
    expect((await colleague.get(statusPath(org.adminUser.email))).body.activity.id).toBe(
      shared.body.activity.id,
    );
    expect((await third.get('/api/v1/activities?type=meeting')).body.items).toHaveLength(1);
  });

  it('when the start has an offset far from UTC, then it is stored as that instant, not refused', async ({
    org,
  }) => {
    const logged = await org.admin.post(
      '/api/v1/meetings',
      meeting(org.adminUser.email, {
        startsAt: '2026-11-25T01:30:00+16:00',
        endsAt: '2026-11-25T02:15:00+16:00',
      }),
    );
    expect(logged.status).toBe(201);
    expect(logged.body.activity.occurredAt).toBe('2026-11-24T09:30:00.000Z');
    // It is the same occurrence as the one written in UTC.
    expect((await org.admin.post('/api/v1/meetings', meeting(org.adminUser.email))).body.created).toBe(false);
  });

  it('when a meeting ends before it starts, or names a record of another organisation, then it is refused and nothing is logged', async ({
    org,
    testApp,
  }) => {
    const otherOrg = await createTestOrganisation(testApp);
    const backwards = await org.admin.post(
      '/api/v1/meetings',
      meeting(org.adminUser.email, { endsAt: '2026-11-24T09:00:00.000Z' }),
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body).toMatchObject({ error: 'meeting_times', details: [{ field: 'endsAt' }] });
    const foreign = await createAccount(otherOrg.admin, { name: 'Not yours' });
    const elsewhere = await org.admin.post(
      '/api/v1/meetings',
      meeting(org.adminUser.email, { links: [{ type: 'account', id: foreign.id }] }),
    );
    expect(elsewhere.status).toBe(422);
    expect((await org.admin.get('/api/v1/activities?type=meeting')).body.items).toEqual([]);
    expect((await org.anonymous.post('/api/v1/meetings', meeting(org.adminUser.email))).status).toBe(401);
  });
});
