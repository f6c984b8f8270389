import { Client } from '../support/http.js';
import { TEST_PASSWORD, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';

const login = (org: TestOrganisation, email: string, password = TEST_PASSWORD) =>
  org.anonymous.post('/api/v1/auth/login', { email, password });

describe('signing in', () => {
  it('answers a session for the right password, in any case of the address', async ({ testApp, org }) => {
    const reply = await login(org, org.adminUser.email.toUpperCase());
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ expiresIn: 900, user: { email: org.adminUser.email, role: 'admin' } });
    expect(reply.body.user).not.toHaveProperty('passwordHash');
    const me = await new Client(testApp.app, reply.body.accessToken).get('/api/v1/auth/me');
    expect(me.body.id).toBe(org.adminUser.id);
  });

  it('refuses a wrong password and an unknown address alike', async ({ org }) => {
    const wrong = await login(org, org.adminUser.email, 'not the password');
    const unknown = await login(org, `nobody@${org.domain}`);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toBe('invalid_credentials');
  });

  it('throttles repeated attempts at one address with 429', async ({ org }) => {
    const { user } = await org.addUser('member');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1)
      statuses.push((await login(org, user.email, 'guess')).status);
    // addUser signed in once already: ten attempts a minute in all, then 429.
    expect(statuses.slice(0, 9)).toEqual(Array<number>(9).fill(401));
    expect(statuses.slice(9)).toEqual([429, 429, 429]);
  });

  it('refuses requests without a token, with a forged one and with an expired one', async ({
    testApp,
    org,
  }) => {
    expect((await org.anonymous.get('/api/v1/accounts')).status).toBe(401);
    const forged = await new Client(testApp.app, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl').get(
      '/api/v1/accounts',
    );
    expect(forged.body.error).toBe('invalid_token');
    const expiredToken = testApp.app.jwt.sign(
      { sub: org.adminUser.id, org: org.orgId, role: 'admin', team: null },
      { expiresIn: 1 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await new Client(testApp.app, expiredToken).get('/api/v1/accounts');
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('session_expired');
  });

  it('rotates refresh tokens: each works once, and logout ends the session', async ({ org }) => {
    const session = (await login(org, org.adminUser.email)).body;
    const refreshed = await org.anonymous.post('/api/v1/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(session.refreshToken);
    expect(
      (await org.anonymous.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status,
    ).toBe(401);
    expect(
      (await org.anonymous.post('/api/v1/auth/logout', { refreshToken: refreshed.body.refreshToken })).status,
    ).toBe(204);
    expect(
      (await org.anonymous.post('/api/v1/auth/refresh', { refreshToken: refreshed.body.refreshToken }))
        .status,
    ).toBe(401);
  });
});

describe('API tokens', () => {
  it('act as their user until revoked', async ({ testApp, org }) => {
    const created = await org.admin.post('/api/v1/api-tokens', { name: 'Zapier' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^icrm_/);
    const integration = new Client(testApp.app, created.body.token);
    expect((await integration.get('/api/v1/auth/me')).body.id).toBe(org.adminUser.id);
    const listed = await org.admin.get('/api/v1/api-tokens');
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: created.body.apiToken.id,
        name: 'Zapier',
        prefix: created.body.token.slice(0, 11),
      }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await org.admin.delete(`/api/v1/api-tokens/${created.body.apiToken.id}`)).status).toBe(204);
    const revoked = await integration.get('/api/v1/auth/me');
    expect(revoked.status).toBe(401);
  });
});

describe('roles', () => {
  it('lets admins manage users and refuses members and managers with 403', async ({ org }) => {
    const { client: member } = await org.addUser('member');
    const { client: manager } = await org.addUser('manager');
    const newUser = {
      email: `x${Date.now()}@${org.domain}`,
      name: 'X',
      role: 'member',
      password: TEST_PASSWORD,
    };
    expect((await member.post('/api/v1/users', newUser)).status).toBe(403);
    expect((await manager.post('/api/v1/users', newUser)).status).toBe(403);
    expect((await member.patch('/api/v1/organisation', { version: 1, name: 'Mine now' })).status).toBe(403);
    expect((await member.get('/api/v1/audit-log')).status).toBe(403);
    expect((await member.get('/api/v1/users')).status).toBe(200);
  });

  it('signs a deactivated user out and refuses their next sign-in', async ({ org }) => {
    const { user } = await org.addUser('member');
    const session = (await login(org, user.email)).body;
    const deactivated = await org.admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      active: false,
    });
    expect(deactivated.body.active).toBe(false);
    expect((await login(org, user.email)).body.error).toBe('user_inactive');
    expect(
      (await org.anonymous.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status,
    ).toBe(401);
  });

  it('keeps at least one active admin', async ({ org }) => {
    const reply = await org.admin.patch(`/api/v1/users/${org.adminUser.id}`, {
      version: org.adminUser.version,
      role: 'member',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('last_admin');
  });
});
