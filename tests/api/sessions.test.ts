import { createHash } from 'node:crypto';
import { Client } from '../support/http.js';
import { TEST_PASSWORD, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import type { TestApp } from '../support/test-app.js';

async function signIn(testApp: TestApp, org: TestOrganisation, email: string) {
  const reply = await org.anonymous.post('/api/v1/auth/login', { email, password: TEST_PASSWORD });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return {
    client: new Client(testApp.app, reply.body.accessToken as string),
    refreshToken: reply.body.refreshToken as string,
  };
}

const refresh = (org: TestOrganisation, refreshToken: string) =>
  org.anonymous.post('/api/v1/auth/refresh', { refreshToken });

describe('an access token follows its holder as they are now', () => {
  it('when an admin is demoted and then deactivated, then the token it holds loses the role at once, then works no more', async ({
    testApp,
    org,
  }) => {
    const { user } = await org.addUser('admin');
    const { client: formerAdmin } = await signIn(testApp, org, user.email);
    expect((await formerAdmin.get('/api/v1/webhooks')).status).toBe(200);

    const demoted = await org.admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      role: 'member',
    });
    expect(demoted.status).toBe(200);
    const asMember = await formerAdmin.get('/api/v1/webhooks');
    expect(asMember.status).toBe(403);

    await org.admin.patch(`/api/v1/users/${user.id}`, { version: demoted.body.version, active: false });
    const afterDeactivation = await formerAdmin.get('/api/v1/auth/me');
    expect(afterDeactivation.status).toBe(401);
    expect(afterDeactivation.body.error).toBe('user_inactive');
  });

  it('when a user moves team, then what their token may see follows the new team at once', async ({
    testApp,
    org,
  }) => {
    const teamA = await org.admin.post('/api/v1/teams', { name: 'Sessions A' });
    const teamB = await org.admin.post('/api/v1/teams', { name: 'Sessions B' });
    const { user } = await org.addUser('manager', { teamId: teamA.body.id });
    const { client: manager } = await signIn(testApp, org, user.email);
    expect((await manager.get('/api/v1/auth/me')).body.teamId).toBe(teamA.body.id);
    await org.admin.patch(`/api/v1/users/${user.id}`, { version: user.version, teamId: teamB.body.id });
    const team = await manager.get('/api/v1/tasks/team');
    expect(team.status).toBe(200);
    const mine = await manager.get('/api/v1/auth/me');
    expect(mine.body.teamId).toBe(teamB.body.id);
  });
});

describe('ending a session', () => {
  it('when a user signs out, then their access token stops working too', async ({ testApp, org }) => {
    const { user } = await org.addUser('member');
    const { client, refreshToken } = await signIn(testApp, org, user.email);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await org.anonymous.post('/api/v1/auth/logout', { refreshToken })).status).toBe(204);
    const after = await client.get('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error).toBe('session_expired');
  });

  it('when a page signs out with a refresh token another page has renewed since, then the session ends all the same', async ({
    testApp,
    org,
  }) => {
    const { user } = await org.addUser('member');
    const first = await signIn(testApp, org, user.email);
    const renewed = await refresh(org, first.refreshToken);
    const renewedClient = new Client(testApp.app, renewed.body.accessToken);
    expect(
      (await org.anonymous.post('/api/v1/auth/logout', { refreshToken: first.refreshToken })).status,
    ).toBe(204);
    expect((await renewedClient.get('/api/v1/auth/me')).status).toBe(401);
    expect((await refresh(org, renewed.body.refreshToken)).status).toBe(401);
  });

  it('when a spent refresh token is used again, then its whole session ends: the thief and the victim are both signed out', async ({
    testApp,
    org,
  }) => {
    const { user } = await org.addUser('member');
    const victim = await signIn(testApp, org, user.email);
    const stolen = victim.refreshToken;
    const renewed = await refresh(org, victim.refreshToken);
    expect(renewed.status).toBe(200);
    const victimClient = new Client(testApp.app, renewed.body.accessToken);

    // Later than a sibling tab renewing at the same moment could be.
    await testApp.database
      .knex('refresh_tokens')
      .where({ token_hash: createHash('sha256').update(stolen).digest('hex') })
      .update({ revoked_at: testApp.database.knex.raw("now() - interval '1 minute'") });
    const thief = await refresh(org, stolen);
    expect(thief.status).toBe(401);
    expect((await refresh(org, renewed.body.refreshToken)).status).toBe(401);
    expect((await victimClient.get('/api/v1/auth/me')).status).toBe(401);
    expect((await victim.client.get('/api/v1/auth/me')).status).toBe(401);

    const ended = await testApp.database
      .knex('sessions')
      .where({ org_id: org.orgId, user_id: user.id, end_reason: 'refresh_reused' })
      .count('* as n')
      .first();
    expect(Number(ended!.n)).toBe(1);
    // Another sign-in of the same person is a session of its own and is not touched.
    const fresh = await signIn(testApp, org, user.email);
    expect((await fresh.client.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('when a spent refresh token comes again within seconds (a sibling tab renewing at the same moment), then it is refused and the session carries on', async ({
    testApp,
    org,
  }) => {
    const { user } = await org.addUser('member');
    const first = await signIn(testApp, org, user.email);
    const renewed = await refresh(org, first.refreshToken);
    const sibling = await refresh(org, first.refreshToken);
    expect(sibling.status).toBe(401);
    expect(sibling.body.error).toBe('session_renewed');
    expect((await new Client(testApp.app, renewed.body.accessToken).get('/api/v1/auth/me')).status).toBe(200);
    expect((await refresh(org, renewed.body.refreshToken)).status).toBe(200);
  });

  it('when an access token names no session (signed before sessions existed), then it is refused', async ({
    testApp,
    org,
  }) => {
    const token = testApp.app.jwt.sign({ sub: org.adminUser.id, org: org.orgId, role: 'admin', team: null });
    const reply = await new Client(testApp.app, token).get('/api/v1/auth/me');
    expect(reply.status).toBe(401);
  });
});
