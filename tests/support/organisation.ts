import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createOrganisationWithAdmin } from '@inbox-crm/server';
import type { Role, User } from '@inbox-crm/shared';
import { Client } from './http.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestOrganisation {
  orgId: string;
  /** The organisation's own mail domain, e.g. org-1a2b3c.test */
  domain: string;
  admin: Client;
  adminUser: User;
  /** A new user of this organisation, signed in. */
  addUser(role: Role, options?: { teamId?: string; name?: string }): Promise<{ client: Client; user: User }>;
  anonymous: Client;
}

async function signIn(testApp: TestApp, email: string, password = TEST_PASSWORD): Promise<Client> {
  const reply = await new Client(testApp.app).post('/api/v1/auth/login', { email, password });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return new Client(testApp.app, (reply.body as { accessToken: string }).accessToken);
}

/** A fresh organisation of the test's own, so no test sees another's rows. */
export async function createTestOrganisation(testApp: TestApp): Promise<TestOrganisation> {
  const domain = `org-${randomBytes(4).toString('hex')}.test`;
  const { organisationId, admin: adminUser } = await testApp.database.knex.transaction((trx) =>
    createOrganisationWithAdmin(trx, {
      name: `Test ${domain}`,
      adminEmail: `admin@${domain}`,
      adminPassword: TEST_PASSWORD,
      adminName: 'Ada Admin',
    }),
  );
  const admin = await signIn(testApp, adminUser.email);
  let count = 0;
  return {
    orgId: organisationId,
    domain,
    admin,
    adminUser,
    anonymous: new Client(testApp.app),
    addUser: async (role, options = {}) => {
      count += 1;
      const created = await admin.post('/api/v1/users', {
        email: `${role}${count}@${domain}`,
        name: options.name ?? `${role} ${count}`,
        role,
        password: TEST_PASSWORD,
        ...(options.teamId ? { teamId: options.teamId } : {}),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const user = created.body as User;
      return { client: await signIn(testApp, user.email), user };
    },
  };
}
