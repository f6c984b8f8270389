import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let testApp: TestApp;
let org: TestOrganisation;

beforeAll(async () => {
  testApp = await startTestApp();
  org = await createTestOrganisation(testApp);
});
afterAll(() => testApp.close());

describe('accounts', () => {
  it('creates an account with its registrable domains and reads it back', async () => {
    const created = await org.admin.post('/api/v1/accounts', {
      name: 'Acme Ltd',
      domains: ['mail.Acme.co.uk', 'acme.co.uk'],
      phone: '+44 20 7183 8750',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Acme Ltd',
      domains: ['acme.co.uk'],
      phone: '+442071838750',
      version: 1,
      deletedAt: null,
    });
    const read = await org.admin.get(`/api/v1/accounts/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });
});
