import type { Knex } from 'knex';
import { createAccount, emailToFile, fileEmail } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { patchRecord, reportOf } from '../support/reports.js';
import { describe, expect, it } from '../support/suite.js';

// The activity report adds up running quarter-hour counts that triggers keep; these tests hold
// them to a count of the activities themselves after every kind of write.

type CountRow = { quarter: string; person: string; kind: string; owner: string | null; private: boolean };

/** The organisation's non-zero running counts (their slots added up), one row per activity they count. */
async function keptCounts(knex: Knex, orgId: string): Promise<CountRow[]> {
  const { rows } = await knex.raw(
    `SELECT quarter, person_id AS person, kind, owner_id AS owner, private, sum(activities) AS activities
     FROM activity_quarter_counts WHERE org_id = ?
     GROUP BY 1, 2, 3, 4, 5 HAVING sum(activities) <> 0`,
    [orgId],
  );
  return expanded(rows);
}

/** The same counts worked out from the activities and filed messages as they are now. */
async function recounted(knex: Knex, orgId: string): Promise<CountRow[]> {
  const { rows } = await knex.raw(
    `SELECT date_bin('15 minutes', at, timestamptz '2000-01-01 00:00:00+00') AS quarter, person, kind, owner, private,
            count(*) AS activities
     FROM (
       SELECT a.occurred_at AS at, a.owner_id AS person, a.type AS kind, a.owner_id AS owner, a.private
       FROM activities a WHERE a.org_id = ? AND a.type <> 'email' AND a.deleted_at IS NULL AND a.owner_id IS NOT NULL
       UNION ALL
       SELECT m.filed_at, m.filed_by, 'email', a.owner_id, a.private
       FROM activities a JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
       WHERE a.org_id = ? AND a.deleted_at IS NULL AND m.filed_by IS NOT NULL
     ) counted
     GROUP BY 1, 2, 3, 4, 5`,
    [orgId, orgId],
  );
  return expanded(rows);
}

function expanded(rows: (CountRow & { activities: number | string; quarter: Date | string })[]): CountRow[] {
  return rows
    .flatMap(({ activities, quarter, ...key }) =>
      Array.from({ length: Number(activities) }, () => ({
        ...key,
        quarter: new Date(quarter).toISOString(),
      })),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function logActivity(client: Client, body: object): Promise<string> {
  const reply = await client.post('/api/v1/activities', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

describe('the activity report’s running counts', () => {
  it('when activities are logged, filed, moved, made private, deleted, restored and erased, then the counts kept equal a count of the activities', async ({
    org,
    testApp,
  }) => {
    const knex = testApp.database.knex;
    const { client: rep } = await org.addUser('member', { name: 'Rita Rep' });
    const account = await createAccount(org.admin, { name: 'Counted GmbH' });
    const links = [{ type: 'account' as const, id: account.id }];
    const call = await logActivity(rep, {
      type: 'call',
      subject: 'Call',
      occurredAt: '2026-03-03T10:07:00Z',
      links,
    });
    const note = await logActivity(rep, {
      type: 'note',
      subject: 'Note',
      occurredAt: '2026-03-03T10:14:00Z',
      links,
    });
    const meeting = await logActivity(org.admin, {
      type: 'meeting',
      subject: 'Visit',
      occurredAt: '2026-03-04T09:00:00Z',
      links,
    });
    const message = emailToFile({ links });
    const { body: email } = await fileEmail(rep, message);
    await fileEmail(org.admin, message); // filed again by someone else: still one email, by its first filer
    const { body: privateEmail } = await fileEmail(rep, emailToFile({ links, private: true }));
    expect(await keptCounts(knex, org.orgId)).toHaveLength(5);
    expect(await keptCounts(knex, org.orgId)).toEqual(await recounted(knex, org.orgId));

    await patchRecord(rep, `/api/v1/activities/${call}`, { occurredAt: '2026-03-05T16:00:00Z' });
    await patchRecord(rep, `/api/v1/activities/${note}`, { private: true });
    await patchRecord(rep, `/api/v1/activities/${note}`, { subject: 'Renamed note' });
    expect((await org.admin.delete(`/api/v1/activities/${meeting}`)).status).toBe(200);
    expect((await rep.delete(`/api/v1/activities/${email.id}`)).status).toBe(200);
    expect(await keptCounts(knex, org.orgId)).toEqual(await recounted(knex, org.orgId));
    expect(await keptCounts(knex, org.orgId)).toHaveLength(3);

    expect((await rep.post(`/api/v1/activities/${email.id}/restore`)).status).toBe(200);
    await knex('email_messages')
      .where({ org_id: org.orgId, activity_id: privateEmail.id })
      .update({ filed_at: '2026-02-01T12:00:00Z' });
    // An activity erased for good takes its email's count with it, message row and all.
    await knex('activities').where({ org_id: org.orgId, id: email.id }).del();
    await knex('activities').where({ org_id: org.orgId, id: call }).del();
    expect(await keptCounts(knex, org.orgId)).toEqual(await recounted(knex, org.orgId));
    expect((await keptCounts(knex, org.orgId)).map((row) => row.kind).sort()).toEqual(['email', 'note']);
  });

  it('when the report’s zone is a quarter hour off the hour, then its weeks still begin at local midnight', async ({
    org,
  }) => {
    const { client: rep, user } = await org.addUser('member', { name: 'Nima Rep' });
    const account = await createAccount(org.admin, { name: 'Kathmandu Traders' });
    const links = [{ type: 'account' as const, id: account.id }];
    // Monday 2 March 2026 begins at 18:15 UTC on the Sunday in Kathmandu (UTC+5:45).
    await logActivity(rep, { type: 'call', subject: 'Before', occurredAt: '2026-03-01T18:10:00Z', links });
    await logActivity(rep, { type: 'call', subject: 'After', occurredAt: '2026-03-01T18:20:00Z', links });
    const report = await reportOf(rep, 'activity', {
      from: '2026-02-23',
      to: '2026-03-08',
      timeZone: 'Asia/Kathmandu',
    });
    expect(report.weeks).toEqual(['2026-02-23', '2026-03-02']);
    expect(report.people.map((person) => [person.person.id, person.weeks.map((week) => week.calls)])).toEqual(
      [[user.id, [1, 1]]],
    );
    // One account's activity is counted from the rows themselves, to the same weeks.
    const ofAccount = await reportOf(rep, 'activity', {
      from: '2026-02-23',
      to: '2026-03-08',
      timeZone: 'Asia/Kathmandu',
      accountId: account.id,
    });
    expect(ofAccount.people.map((person) => person.weeks.map((week) => week.calls))).toEqual([[1, 1]]);
    const utc = await reportOf(rep, 'activity', { from: '2026-02-23', to: '2026-03-08', timeZone: 'UTC' });
    expect(utc.people[0]!.weeks.map((week) => week.calls)).toEqual([2, 0]);
  });
});
