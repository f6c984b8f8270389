import type { FiledEmail } from '@inbox-crm/shared';
import { createAccount, emailToFile, fileEmail } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { describe, expect, test } from '../support/suite.js';

interface People {
  manager: Client;
  teammate: Client;
  outsider: Client;
}

const it = test
  /** A sales manager and a member of their team, and a member of the support team. */
  .extend('people', async ({ org }): Promise<People> => {
    const sales = (await org.admin.post('/api/v1/teams', { name: 'Sales' })).body as { id: string };
    const support = (await org.admin.post('/api/v1/teams', { name: 'Support' })).body as { id: string };
    return {
      manager: (await org.addUser('manager', { teamId: sales.id, name: 'Maria Manager' })).client,
      teammate: (await org.addUser('member', { teamId: sales.id, name: 'Tim Teammate' })).client,
      outsider: (await org.addUser('member', { teamId: support.id, name: 'Otto Outsider' })).client,
    };
  })
  .extend('accountLink', async ({ org }) => {
    const account = await createAccount(org.admin, { name: 'Correspondence Ltd' });
    return { type: 'account' as const, id: account.id };
  });

/** What the sales team and the outsider filed to the account, oldest first. */
async function fileTeamMail(
  { manager, teammate, outsider }: People,
  accountLink: { type: 'account'; id: string },
) {
  await fileEmail(teammate, emailToFile({ subject: 'Team 1', links: [accountLink] }));
  await fileEmail(manager, emailToFile({ subject: 'Team 2', links: [accountLink] }));
  await fileEmail(teammate, emailToFile({ subject: 'Team private', private: true, links: [accountLink] }));
  await fileEmail(outsider, emailToFile({ subject: 'Support 1', links: [accountLink] }));
}

const subjects = (items: FiledEmail[]) => items.map((email) => email.subject);

describe('filed correspondence lists', () => {
  it('when a manager asks for the team’s, then they get what the team filed, private mail included, newest first, and no one else’s', async ({
    people: { manager, teammate, outsider },
    accountLink,
  }) => {
    await fileTeamMail({ manager, teammate, outsider }, accountLink);

    const team = await manager.get('/api/v1/emails?scope=team');
    expect(team.status).toBe(200);
    expect(subjects(team.body.items)).toEqual(['Team private', 'Team 2', 'Team 1']);
    expect(team.body.items[0]).toMatchObject({
      filedBy: { name: 'Tim Teammate' },
      from: { email: 'jane.doe@acme.example', name: 'Jane Doe' },
      private: true,
      links: [{ type: 'account', id: accountLink.id, name: 'Correspondence Ltd' }],
    });
  });

  it('when a member asks for their own, then they get only theirs; for the team’s, then 403', async ({
    people: { manager, teammate, outsider },
    accountLink,
  }) => {
    await fileTeamMail({ manager, teammate, outsider }, accountLink);

    const mine = await teammate.get('/api/v1/emails');
    expect(subjects(mine.body.items)).toEqual(['Team private', 'Team 1']);
    const team = await teammate.get('/api/v1/emails?scope=team');
    expect(team.status).toBe(403);
    expect(team.body.error).toBe('forbidden');
  });

  it('when an admin asks for everyone’s, then it pages through all of it by cursor; a manager may not', async ({
    org,
    people: { manager, teammate, outsider },
    accountLink,
  }) => {
    await fileTeamMail({ manager, teammate, outsider }, accountLink);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: FiledEmail[]; nextCursor: string | null } } = await org.admin.get(
        `/api/v1/emails?scope=organisation&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...subjects(page.body.items));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Support 1', 'Team private', 'Team 2', 'Team 1']);
    expect((await manager.get('/api/v1/emails?scope=organisation')).status).toBe(403);
  });

  it('when an admin without a team asks for the team’s, then the answer says why there is none', async ({
    org,
  }) => {
    const reply = await org.admin.get('/api/v1/emails?scope=team');
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('no_team');
  });

  it('when a deleted email was in the list, then it is gone from it', async ({
    people: { manager, teammate, outsider },
    accountLink,
  }) => {
    await fileTeamMail({ manager, teammate, outsider }, accountLink);

    const { body } = await fileEmail(
      outsider,
      emailToFile({ subject: 'Deleted soon', links: [accountLink] }),
    );
    expect((await outsider.delete(`/api/v1/emails/${body.id}`)).status).toBe(204);
    expect(subjects((await outsider.get('/api/v1/emails')).body.items)).toEqual(['Support 1']);
  });
});

describe('timeline filters', () => {
  it('when filtered by who logged it and by a time window, then only those entries come back', async ({
    org,
    people: { manager, teammate },
  }) => {
    const account = await createAccount(org.admin, { name: 'Filter Co' });
    const links = [{ type: 'account', id: account.id }];
    const log = (client: Client, day: number) =>
      client.post('/api/v1/activities', {
        type: 'note',
        occurredAt: `2026-09-${day}T10:00:00.000Z`,
        body: `Day ${day}`,
        links,
      });
    await log(manager, 10);
    await log(teammate, 11);
    await log(manager, 12);
    await log(manager, 20);
    const managerId = ((await manager.get('/api/v1/auth/me')).body as { id: string }).id;

    const byManager = await org.admin.get(`/api/v1/accounts/${account.id}/timeline?ownerId=${managerId}`);
    expect(byManager.body.items.map((entry: { snippet: string }) => entry.snippet)).toEqual([
      'Day 20',
      'Day 12',
      'Day 10',
    ]);
    const window = await org.admin.get(
      `/api/v1/accounts/${account.id}/timeline?ownerId=${managerId}&since=2026-09-11T00:00:00.000Z&until=2026-09-20T00:00:00.000Z`,
    );
    expect(window.body.items.map((entry: { snippet: string }) => entry.snippet)).toEqual(['Day 12']);
  });
});
