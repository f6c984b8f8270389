import { createAccount, createContact } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import type { TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import type { TestApp } from '../support/test-app.js';

const expectError = (reply: { status: number; body: any }, status: number, error: string) => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body).toMatchObject({ error, message: expect.any(String) });
  expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(ts|js):\d+/);
};

describe('validation', () => {
  it('answers malformed JSON, wrong types, unknown fields and bad formats with 400 and where the problem is', async ({
    org,
  }) => {
    expectError(await org.admin.request('POST', '/api/v1/accounts', '{"name": "Acme",'), 400, 'invalid_json');
    expectError(await org.admin.request('POST', '/api/v1/accounts', ''), 400, 'invalid_json');
    const accented = await org.admin.post('/api/v1/accounts', { name: 'Société Générale 会議 📎' });
    expect(accented.status, JSON.stringify(accented.body)).toBe(201);
    expect(accented.body.name).toBe('Société Générale 会議 📎');
    expectError(await org.admin.post('/api/v1/accounts', { name: 42 }), 400, 'validation_failed');
    const unknown = await org.admin.post('/api/v1/accounts', { name: 'Acme', nmae: 'typo' });
    expectError(unknown, 400, 'validation_failed');
    expect(unknown.body.details[0]).toMatchObject({ in: 'body', field: 'nmae' });
    expectError(
      await org.admin.post('/api/v1/contacts', { lastName: 'X', emails: ['not an address'] }),
      400,
      'validation_failed',
    );
    const phone = await org.admin.post('/api/v1/contacts', { lastName: 'X', phones: [{ number: '12' }] });
    expectError(phone, 400, 'validation_failed');
    expect(phone.body.details[0].path).toBe('/phones/0/number');
    expectError(await org.admin.get('/api/v1/accounts/not-a-uuid'), 400, 'validation_failed');
    expectError(
      await org.admin.post('/api/v1/tasks', { title: 'x', dueAt: 'tomorrow' }),
      400,
      'validation_failed',
    );
    expectError(await org.admin.get('/api/v1/accounts?surprise=1'), 400, 'validation_failed');
  });

  it('answers a wrong content type with 415, an oversized body with 413, an unknown route with a JSON 404', async ({
    org,
  }) => {
    expectError(
      await org.admin.request('POST', '/api/v1/accounts', 'name=Acme', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
      'unsupported_media_type',
    );
    expectError(
      await org.admin.post('/api/v1/accounts', { name: 'x'.repeat(300 * 1024) }),
      413,
      'payload_too_large',
    );
    expectError(await org.admin.get('/api/v1/nothing-here'), 404, 'not_found');
  });

  it('writes nothing when a multi-row write fails half way', async ({ testApp, org }) => {
    const holder = await createContact(org.admin, { lastName: 'Holder', emails: ['taken@half.example'] });
    const before = await testApp.database
      .knex('contacts')
      .where({ org_id: org.orgId })
      .count('* as n')
      .first();
    const reply = await org.admin.post('/api/v1/contacts', {
      lastName: 'Half',
      emails: ['fresh@half.example', 'taken@half.example'],
    });
    expect(reply.status).toBe(409);
    const after = await testApp.database
      .knex('contacts')
      .where({ org_id: org.orgId })
      .count('* as n')
      .first();
    expect(Number(after!.n)).toBe(Number(before!.n));
    expect((await org.admin.get('/api/v1/lookup?email=fresh@half.example')).body.match).toBe('none');
    expect(holder.emails).toEqual(['taken@half.example']);
  });
});

// Every route of the OpenAPI document, hit with malformed, oversized and hostile input.
const HOSTILE_IDS = [
  'not-a-uuid',
  "' OR 1=1 --",
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(2000),
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
];
const HOSTILE_BODIES: unknown[] = [
  '{"unterminated": ',
  '[]',
  'null',
  '"just a string"',
  '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"admin": true}}}',
  {},
  { name: 12, email: [], links: 'everything', version: 'one', to: {}, from: 7, id: null },
  { name: "'; DROP TABLE accounts; --", version: 1, links: [{ type: 'account', id: "' OR 1=1" }] },
  { name: '\u0000\uffff\ud800', subject: '\u0000', version: -1 },
  { nested: JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown },
  { name: 'x'.repeat(400 * 1024) },
];
const HOSTILE_QUERIES = [
  '?limit=-1',
  '?limit=abc',
  '?cursor=%00%ff%fe',
  '?q=%27%3B%20DROP%20TABLE%20accounts%3B--',
  '?email=%00&phone=%2B',
  '?type=everything',
  '?deleted=maybe',
];

async function tableCounts(testApp: TestApp, org: TestOrganisation): Promise<Record<string, number>> {
  const tables = [
    'accounts',
    'contacts',
    'contact_emails',
    'opportunities',
    'cases',
    'activities',
    'activity_links',
    'email_messages',
    'tasks',
    'users',
    'teams',
    'pipeline_stages',
    'api_tokens',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await testApp.database.knex(table).where({ org_id: org.orgId }).count('* as n').first();
    counts[table] = Number(row!.n);
  }
  return counts;
}

describe('fuzzing every route', () => {
  it('never answers 5xx, always answers the error shape, and changes nothing for refused writes', async ({
    testApp,
    org,
  }) => {
    const account = await createAccount(org.admin, { name: 'Fuzz target' });
    const document = testApp.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() })),
    );
    expect(routes.length).toBeGreaterThan(40);
    const before = await tableCounts(testApp, org);
    const failures: string[] = [];
    const hit = async (client: Client, method: string, url: string, body?: unknown) => {
      const reply = await client.request(method as 'GET', url, body);
      const shapeOk =
        reply.status < 400 ||
        (typeof reply.body?.error === 'string' && typeof reply.body?.message === 'string');
      const writeRefused = method === 'GET' || reply.status >= 400;
      if (reply.status >= 500 || !shapeOk || !writeRefused)
        failures.push(
          `${method} ${url.slice(0, 120)} -> ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 200)}`,
        );
    };
    for (const { path, method } of routes) {
      const withIds = HOSTILE_IDS.map((id) => path.replace(/\{[^}]+\}/g, encodeURIComponent(id)));
      const urls = path.includes('{') ? withIds : [path];
      for (const url of urls) {
        if (method === 'GET') {
          for (const query of ['', ...HOSTILE_QUERIES]) await hit(org.admin, method, url + query);
        } else {
          for (const body of HOSTILE_BODIES) await hit(org.admin, method, url, body);
        }
      }
      if (method === 'PATCH' && path.includes('{id}')) {
        const realUrl = path.replace('{id}', account.id).replace(/\{[^}]+\}/g, 'x');
        for (const body of HOSTILE_BODIES) await hit(org.admin, method, realUrl, body);
      }
    }
    expect(failures).toEqual([]);
    expect(await tableCounts(testApp, org)).toEqual(before);
  }, 120_000);
});
