import { randomUUID } from 'node:crypto';
import { describe, expect, it, test } from '../support/suite.js';
import { HOUR_MS, MINUTE_MS } from '../support/time.js';

test.override('appOptions', { isolated: true });

describe('scheduled work that fails', () => {
  it('when one job in a batch fails, then the others still take effect, and it is retried, then listed as failed for admins, who can run it again', async ({
    testApp,
    org,
    scheduler,
  }) => {
    await org.admin.post('/api/v1/tasks', {
      title: 'Due with a reminder',
      dueAt: new Date(testApp.clock.now().getTime() + MINUTE_MS).toISOString(),
      reminderMinutes: 1,
    });
    // A plan step whose enrollment id is not even a uuid: its handler's query fails every time.
    const brokenId = randomUUID();
    await testApp.database.knex('scheduled_jobs').insert({
      org_id: org.orgId,
      id: brokenId,
      kind: 'plan_step',
      run_at: testApp.clock.now(),
      payload: JSON.stringify({ enrollmentId: 'not-a-uuid', index: 0 }),
    });

    await scheduler.worker.drain();
    expect((await org.admin.get('/api/v1/notifications')).body.items).toEqual([
      expect.objectContaining({ title: 'Reminder: Due with a reminder' }),
    ]);
    const broken = await testApp.database
      .knex('scheduled_jobs')
      .where({ org_id: org.orgId, id: brokenId })
      .first();
    expect(broken).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringContaining('uuid'),
    });

    for (let attempt = 2; attempt <= 5; attempt += 1) {
      testApp.clock.advance(2 * HOUR_MS);
      await scheduler.worker.drain();
    }
    const failed = (await org.admin.get('/api/v1/scheduled-jobs/failed')).body.items;
    expect(failed).toEqual([
      expect.objectContaining({
        id: brokenId,
        kind: 'plan_step',
        attempts: 5,
        lastError: expect.stringContaining('uuid'),
      }),
    ]);
    const { client: member } = await org.addUser('member');
    expect((await member.get('/api/v1/scheduled-jobs/failed')).status).toBe(403);

    expect((await org.admin.post(`/api/v1/scheduled-jobs/${brokenId}/retry`)).status).toBe(204);
    expect((await org.admin.get('/api/v1/scheduled-jobs/failed')).body.items).toEqual([]);
    await scheduler.worker.drain();
    const again = await testApp.database
      .knex('scheduled_jobs')
      .where({ org_id: org.orgId, id: brokenId })
      .first();
    expect(again).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await org.admin.post(`/api/v1/scheduled-jobs/${brokenId}/retry`)).status).toBe(404);
  });
});
