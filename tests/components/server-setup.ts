import type { TestProject } from 'vitest/node';
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
  project.provide('paneServer', {
    url,
    domain: org.domain,
    adminEmail: org.adminUser.email,
    memberEmail: member.email,
    password: TEST_PASSWORD,
  });
  return async () => {
    await scheduler.close();
    await testApp.close();
    await database?.drop();
  };
}
