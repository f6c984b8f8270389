import { randomBytes } from 'node:crypto';
import { buildApp, type App } from '@inbox-crm/server';
import { TEST_PASSWORD } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';

interface Attempt {
  ip?: string;
  app?: App;
  password?: string;
  forwardedFor?: string;
}

const it = test
  /** Another server instance on the same database, behind a load balancer at 10.0.0.1. */
  .extend('secondInstance', { scope: 'file' }, async ({ testApp }, { onCleanup }) => {
    const secondInstance = await buildApp({
      database: testApp.database,
      jwtSecret: randomBytes(32).toString('hex'),
      publicUrl: 'http://localhost:3000',
      trustProxy: ['10.0.0.1'],
    });
    await secondInstance.ready();
    onCleanup(() => secondInstance.close());
    return secondInstance;
  })
  /** Signs in at the app (or another) from an address, with a wrong guess unless told the password. */
  .extend('attempt', ({ testApp }) => async (email: string, options: Attempt = {}) => {
    const reply = await (options.app ?? testApp.app).inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: options.password ?? 'a wrong guess' },
      remoteAddress: options.ip ?? '198.51.100.1',
      headers: options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {},
    });
    return { status: reply.statusCode, body: reply.json(), retryAfter: reply.headers['retry-after'] };
  });

describe('the sign-in throttle', () => {
  it('when an address is padded or cased differently, then it still counts against the same address', async ({
    org,
    attempt,
  }) => {
    const { user } = await org.addUser('member');
    const variants = [`  ${user.email}`, user.email.toUpperCase(), `${user.email}\t`];
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) {
      statuses.push((await attempt(variants[index % variants.length]!, { ip: '198.51.100.2' })).status);
    }
    // addUser signed in once already: ten attempts a minute in all, then 429.
    expect(statuses.slice(0, 9)).toEqual(Array<number>(9).fill(401));
    expect(statuses.slice(9)).toEqual([429, 429]);
  });

  it('when guesses at one address come from many IPs and two server instances, then they are limited all the same', async ({
    testApp,
    org,
    secondInstance,
    attempt,
  }) => {
    const { user } = await org.addUser('member');
    const statuses: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      const reply = await attempt(user.email, {
        ip: `203.0.113.${index + 1}`,
        app: index % 2 === 0 ? testApp.app : secondInstance,
      });
      statuses.push(reply.status);
    }
    expect(statuses.slice(0, 9)).toEqual(Array<number>(9).fill(401));
    const refused = await attempt(user.email, { ip: '203.0.113.99', app: secondInstance });
    expect(statuses[9]).toBe(429);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'rate_limited', message: expect.any(String) });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    // Even the right password waits: the limit is on trying, not on failing.
    expect((await attempt(user.email, { ip: '203.0.113.100', password: TEST_PASSWORD })).status).toBe(429);
  });

  it('when one IP tries many addresses (credential stuffing), then its failures are limited; another IP and right passwords are not', async ({
    org,
    secondInstance,
    attempt,
  }) => {
    const stuffer = '192.0.2.77';
    const statuses: number[] = [];
    for (let index = 0; index < 51; index += 1) {
      statuses.push((await attempt(`victim${index}@${org.domain}`, { ip: stuffer })).status);
    }
    expect(statuses.slice(0, 50)).toEqual(Array<number>(50).fill(401));
    expect(statuses[50]).toBe(429);
    expect((await attempt(`victim51@${org.domain}`, { ip: '192.0.2.78' })).status).toBe(401);

    // Colleagues behind one office address sign in freely: successes are not counted against it.
    const office = '192.0.2.200';
    for (let index = 0; index < 49; index += 1) {
      expect((await attempt(`typo${index}@${org.domain}`, { ip: office })).status).toBe(401);
    }
    for (let index = 0; index < 5; index += 1) {
      const signedIn = await attempt(org.adminUser.email, { ip: office, password: TEST_PASSWORD });
      expect(signedIn.status).toBe(200);
    }
    expect((await attempt(`typo49@${org.domain}`, { ip: office, app: secondInstance })).status).toBe(401);
    expect((await attempt(`typo50@${org.domain}`, { ip: office })).status).toBe(429);
  }, 60_000);

  it('when clients come through a trusted proxy, then each is counted by its own address, not the proxy’s', async ({
    org,
    secondInstance,
    attempt,
  }) => {
    for (let index = 0; index < 50; index += 1) {
      const reply = await attempt(`guess${index}@${org.domain}`, {
        app: secondInstance,
        ip: '10.0.0.1',
        forwardedFor: '198.51.100.50',
      });
      expect(reply.status).toBe(401);
    }
    const sameClient = { app: secondInstance, ip: '10.0.0.1', forwardedFor: '198.51.100.50' };
    expect((await attempt(`guess50@${org.domain}`, sameClient)).status).toBe(429);
    const otherClient = { app: secondInstance, ip: '10.0.0.1', forwardedFor: '198.51.100.51' };
    expect((await attempt(`guess50@${org.domain}`, otherClient)).status).toBe(401);
    // A sender that is not the trusted proxy cannot pick another address by the header.
    const spoofed = { app: secondInstance, ip: '198.51.100.50', forwardedFor: '198.51.100.52' };
    expect((await attempt(`guess51@${org.domain}`, spoofed)).status).toBe(429);
  }, 60_000);

  it('when a trusted proxy forwards something that is not an address, then the connection’s own address counts and nothing fails', async ({
    org,
    secondInstance,
    attempt,
  }) => {
    const reply = await attempt(`nobody@${org.domain}`, {
      app: secondInstance,
      ip: '10.0.0.1',
      forwardedFor: 'x'.repeat(3000),
    });
    expect(reply.status).toBe(401);
  });

  it('when failures come from many addresses of one IPv6 /64, then they are counted as one client', async ({
    org,
    attempt,
  }) => {
    for (let index = 0; index < 50; index += 1) {
      const reply = await attempt(`six${index}@${org.domain}`, {
        ip: `2001:db8:1:2::${(index + 1).toString(16)}`,
      });
      expect(reply.status).toBe(401);
    }
    expect((await attempt(`six50@${org.domain}`, { ip: '2001:db8:1:2:ffff::1' })).status).toBe(429);
    expect((await attempt(`six50@${org.domain}`, { ip: '2001:db8:1:3::1' })).status).toBe(401);
  }, 60_000);
});
