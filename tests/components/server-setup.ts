import type { TestProject } from 'vitest/node';
import type { Session } from '@inbox-crm/shared';
import { createCustomer } from '../support/customer.js';
import { createRunDatabase } from '../support/global-setup.js';
import { createCrmWorker, systemClock } from '@inbox-crm/server';
import { startTestApp } from '../support/test-app.js';
import { createTestOrganisation, TEST_PASSWORD } from '../support/organisation.js';

export interface PaneServer {
  url: string;
  domain: string;
  adminEmail: string;
  memberEmail: string;
  password: string;
  /**
   * A session per user, signed in once for the whole run: sign-in is throttled per address, and
   * every test file signing each user in would run into the limit.
   */
  sessions: Record<string, Session>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    paneServer: PaneServer;
  }
}

/**
 * Component tests render in happy-dom, whose globals the server cannot run under; so the server
 * runs here, in Node, listening on loopback, with an organisation and a known customer.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = process.env.DATABASE_URL ? await createRunDatabase(process.env.DATABASE_URL) : null;
  // An https public URL, as a deployment has; the pages themselves use their own origin.
  const testApp = await startTestApp(database?.url ?? null, { publicUrl: 'https://crm.example.test' });
  const url = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  // The scheduler runs as in production, on real time: a reminder due now reaches the pages at once.
  const scheduler = createCrmWorker({
    knex: testApp.database.knex,
    publicUrl: url,
    smtp: null,
    clock: systemClock,
    pollMs: 100,
  });
  scheduler.worker.start();
  const org = await createTestOrganisation(testApp);
  const { user: member } = await org.addUser('member', { name: 'Sam Member' });
  await createCustomer(org.admin);
  const sessions: Record<string, Session> = {};
  for (const email of [org.adminUser.email, member.email]) {
    const reply = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    sessions[email] = reply.json<Session>();
  }
  project.provide('paneServer', {
    url,
    domain: org.domain,
    adminEmail: org.adminUser.email,
    memberEmail: member.email,
    password: TEST_PASSWORD,
    sessions,
  });
  return async () => {
    await scheduler.close();
    await testApp.close();
    await database?.drop();
  };
}
