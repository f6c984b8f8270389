import {
  createAccount,
  createContact,
  createOpportunity,
  emailToFile,
  fileEmail,
  uniqueMessageId,
} from '../support/fixtures.js';
import type { Client, Reply } from '../support/http.js';
import { sampleOf, stringPaths, withStringAt, type JsonSchema } from '../support/schema-sample.js';
import { describe, expect, test } from '../support/suite.js';

// Text a real email or a hostile client can carry that PostgreSQL's text cannot hold (NUL), that is
// not valid UTF-16 (a lone surrogate), or that tries to reach an object's prototype.
const NUL = 'before\u0000after';
const LONE_SURROGATE = 'before\ud800after';
const HOSTILE_QUERY_VALUES = ['%00', 'a%00b', '%ED%A0%80', '%F0%9F'];

type Ids = Record<string, string>;

/** One record of each kind in the test's organisation, so a hostile body gets past the lookups. */
const it = test.extend('ids', async ({ org }): Promise<Ids> => {
  const account = await createAccount(org.admin, { name: 'Hostile Ltd', domains: ['hostile.example'] });
  const contact = await createContact(org.admin, {
    lastName: 'Target',
    accountId: account.id,
    emails: ['target@hostile.example'],
  });
  const opportunity = await createOpportunity(org.admin, { name: 'Deal', accountId: account.id });
  const supportCase = await org.admin.post('/api/v1/cases', { subject: 'Case', accountId: account.id });
  const task = await org.admin.post('/api/v1/tasks', { title: 'Task' });
  const note = await org.admin.post('/api/v1/activities', {
    type: 'note',
    subject: 'Note',
    links: [{ type: 'account', id: account.id }],
  });
  const team = await org.admin.post('/api/v1/teams', { name: 'Fuzzers' });
  const { user: victim } = await org.addUser('member');
  const stages = await org.admin.get('/api/v1/pipeline-stages');
  return {
    account: account.id,
    contact: contact.id,
    opportunity: opportunity.id,
    case: supportCase.body.id,
    task: task.body.id,
    activity: note.body.id,
    team: team.body.id,
    user: victim.id,
    stage: stages.body.items[0].id,
  };
});

const ID_BY_PROPERTY: Record<string, string> = {
  accountId: 'account',
  contactId: 'contact',
  opportunityId: 'opportunity',
  caseId: 'case',
  taskId: 'task',
  teamId: 'team',
  stageId: 'stage',
  assigneeId: 'user',
  ownerId: 'user',
  managerId: 'user',
  userId: 'user',
};
const idFor = (ids: Ids, name: string, siblings: Record<string, unknown>) =>
  ids[ID_BY_PROPERTY[name] ?? (typeof siblings.type === 'string' ? siblings.type : 'account')] ??
  ids.account!;

const ID_BY_RESOURCE: Record<string, string> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity',
  cases: 'case',
  tasks: 'task',
  activities: 'activity',
  teams: 'team',
  users: 'user',
  'pipeline-stages': 'stage',
};
/** The route's path with real ids of this organisation, so a hostile body gets past the lookup. */
const realUrl = (ids: Ids, path: string) => {
  const resource = path.split('/')[3] ?? '';
  return path.replace(/\{[^}]+\}/g, () => ids[ID_BY_RESOURCE[resource] ?? 'account']!);
};

interface Route {
  method: string;
  path: string;
  body: JsonSchema | null;
  query: string[];
}

function routesOf(document: { paths: Record<string, Record<string, any>> }): Route[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      body: (operation.requestBody?.content?.['application/json']?.schema as JsonSchema) ?? null,
      query: ((operation.parameters ?? []) as { in: string; name: string }[])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name),
    })),
  );
}

// Routes whose success would end the fuzzing client's own session.
const LEAVE_ALONE = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/login']);

describe('hostile text in every field', () => {
  it('when any string of any body carries a NUL byte or a lone surrogate, or a query or path does, then no route answers 5xx', async ({
    testApp,
    org,
    ids,
  }) => {
    const routes = routesOf(testApp.app.swagger() as never);
    const failures: string[] = [];
    let accepted = 0;
    const check = (what: string, reply: Reply) => {
      const shapeOk =
        reply.status < 400 ||
        (typeof reply.body?.error === 'string' && typeof reply.body?.message === 'string');
      if (reply.status >= 500 || !shapeOk) {
        failures.push(`${what} -> ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 160)}`);
      }
      if (JSON.stringify(reply.body ?? '').includes('\\u0000')) failures.push(`${what} -> answered a NUL`);
    };
    const send = (client: Client, method: string, url: string, body?: unknown) =>
      client.request(method as 'POST', url, body);

    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      if (LEAVE_ALONE.has(name) || !route.path.startsWith('/api/v1/')) continue;
      const url = realUrl(ids, route.path);
      for (const parameter of route.query) {
        for (const value of HOSTILE_QUERY_VALUES) {
          const target = `${url}?${parameter}=${value}`;
          check(`${route.method} ${target}`, await send(org.admin, route.method, target));
        }
      }
      if (!route.body) continue;
      const base = sampleOf(route.body, (name, siblings) => idFor(ids, name, siblings));
      const baseReply = await send(org.admin, route.method, url, base);
      check(name, baseReply);
      for (const path of stringPaths(base)) {
        for (const hostile of [NUL, LONE_SURROGATE]) {
          const body = withStringAt(base, path, (text) => `${text}${hostile}`);
          const reply = await send(org.admin, route.method, url, body);
          if (reply.status < 300) accepted += 1;
          check(`${name} ${path.join('.')}=${JSON.stringify(hostile)}`, reply);
        }
      }
      const poisoned = JSON.stringify(base).replace(/^\{/, '{"__proto__":{"role":"admin"},');
      const protoReply = await send(org.admin, route.method, url, poisoned);
      check(`${name} __proto__`, protoReply);
      if (typeof base === 'object' && base !== null) expect(protoReply.status, name).toBe(400);
    }
    expect(failures).toEqual([]);
    // The fuzzer reaches the database: many hostile bodies are valid requests that were written.
    expect(accepted).toBeGreaterThan(50);
  }, 180_000);
});

describe('NUL bytes in a real email', () => {
  it('when a message carries NUL bytes in its subject, names and bodies, then it is filed with them removed', async ({
    org,
    ids,
  }) => {
    const messageId = uniqueMessageId();
    const { status, body } = await fileEmail(
      org.admin,
      emailToFile({
        messageId,
        subject: 'Invoice\u0000 attached',
        from: { email: 'target@hostile.example', name: 'Tar\u0000get' },
        bodyText: 'Line one\u0000\u0000 line two',
        bodyHtml: '<p>Line one\u0000 line two</p>',
        attachments: [{ name: 'in\u0000voice.pdf', contentType: 'application/pdf', size: 10 }],
        links: [{ type: 'contact', id: ids.contact! }],
      }),
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      subject: 'Invoice attached',
      from: { name: 'Target' },
      bodyText: 'Line one line two',
      attachments: [{ name: 'invoice.pdf' }],
    });
    expect(body.bodyHtml).toContain('Line one line two');
    const again = await org.admin.get(`/api/v1/emails/${body.id}`);
    expect(again.body.subject).toBe('Invoice attached');
  });

  it('when a body nests thousands of levels deep, then the answer is 400, signed in or not', async ({
    org,
  }) => {
    const deep = `{"email":${'['.repeat(20_000)}${']'.repeat(20_000)},"password":"x"}`;
    const anonymous = await org.anonymous.request('POST', '/api/v1/auth/login', deep);
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.error).toBe('validation_failed');
    const signedIn = await org.admin.request('POST', '/api/v1/accounts', deep.replace('email', 'name'));
    expect(signedIn.status).toBe(400);
  });

  it('when an identifier (a Message-ID path, a lookup address, a search) carries a NUL byte, then the answer is 400 and says which', async ({
    org,
  }) => {
    const byId = await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent('<a\u0000b@x>')}`);
    expect(byId.status).toBe(400);
    expect(byId.body).toMatchObject({ error: 'validation_failed', details: [{ in: 'params' }] });
    const lookup = await org.admin.get('/api/v1/lookup?email=target%00@hostile.example');
    expect(lookup.status).toBe(400);
    expect(lookup.body.details[0]).toMatchObject({ in: 'querystring', path: '/email' });
    const search = await org.admin.get('/api/v1/search?q=Hos%00tile');
    expect(search.status).toBe(400);
    expect(search.body.message).toMatch(/NUL/);
  });
});
