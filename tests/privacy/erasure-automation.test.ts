import type { ErasureResult, Task } from '@inbox-crm/shared';
import { createAccount, createContact } from '../support/fixtures.js';
import { describe, expect, test } from '../support/suite.js';

// A worker takes the due jobs of every organisation in its database: a database of this file's own.
test.override('appOptions', { isolated: true });
const it = test;

describe('forgetting a person an engagement plan runs for', () => {
  it('when a contact in a running plan is erased, then the plan run and its later steps go, and its task stays without them', async ({
    org,
    scheduler,
    testApp,
  }) => {
    const account = await createAccount(org.admin, {
      name: 'Harbour Plan',
      domains: ['harbour-plan.example'],
    });
    const contact = await createContact(org.admin, {
      firstName: 'Ottoline',
      lastName: 'Vexby',
      accountId: account.id,
      emails: ['ottoline@harbour-plan.example'],
    });
    const plan = await org.admin.post('/api/v1/engagement-plans', {
      name: 'Welcome',
      recordType: 'contact',
      steps: [
        { day: 0, type: 'call', title: 'Welcome call' },
        { day: 5, type: 'email', title: 'Check-in email' },
      ],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const started = await org.admin.post(`/api/v1/engagement-plans/${plan.body.id}/enrollments`, {
      recordType: 'contact',
      recordId: contact.id,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    await scheduler.worker.drain();
    const tasks = (await org.admin.get(`/api/v1/tasks?contactId=${contact.id}`)).body.items as Task[];
    expect(tasks.map((task) => task.title)).toEqual(['Call: Welcome call']);

    const erased = await org.admin.post<ErasureResult>('/api/v1/privacy/erasures', { contactId: contact.id });
    expect(erased.status, JSON.stringify(erased.body)).toBe(201);
    const task = await org.admin.get(`/api/v1/tasks/${tasks[0]!.id}`);
    expect(task.body).toMatchObject({ title: 'Call: Welcome call', contactId: null, accountId: account.id });
    const knex = testApp.database.knex;
    expect(await knex('plan_enrollments').where({ org_id: org.orgId })).toEqual([]);
    const pending = await knex('scheduled_jobs').where({ org_id: org.orgId }).whereNot('status', 'done');
    expect(pending.filter((job) => JSON.stringify(job.payload).includes(contact.id))).toEqual([]);
  });
});
