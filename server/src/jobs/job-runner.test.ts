import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../db/database.js';
import { runMigrations } from '../db/migrate.js';
import { NotFound, StaleVersion } from '../errors.js';
import { createOrganisationWithAdmin } from '../modules/organisation/index.js';
import { ManualClock } from './clock.js';
import { oneByOne } from './job-types.js';
import { scheduleJob } from './jobs-repository.js';
import { Worker } from './worker.js';

let database: Database;
let orgId: string;
beforeAll(async () => {
  database = await openPglite(':memory:');
  await runMigrations(database.knex);
  orgId = (
    await database.knex.transaction((trx) =>
      createOrganisationWithAdmin(trx, {
        name: 'Jobs',
        adminEmail: 'admin@jobs.test',
        adminPassword: 'correct horse battery',
        adminName: 'Ada Admin',
      }),
    )
  ).organisationId;
});
afterAll(() => database.close());

describe('a job that fails', () => {
  it('fails at once on a domain refusal, and is tried again on a conflict or a fault', async () => {
    const clock = new ManualClock();
    const failures: Record<string, () => Error> = {
      gone: () => new NotFound('The record'),
      stale: () => new StaleVersion('The record', 2),
      fault: () => new Error('the network blinked'),
    };
    const worker = new Worker({
      knex: database.knex,
      clock,
      setup: { emailEnabled: false, publicUrl: 'http://localhost:3000' },
      handlers: new Map([
        [
          'probe',
          oneByOne(async (_trx, job) => {
            throw failures[job.payload['fails'] as string]!();
          }),
        ],
      ]),
    });
    const ids: Record<string, string> = {};
    for (const fails of Object.keys(failures)) {
      ids[fails] = await scheduleJob(database.knex, {
        orgId,
        kind: 'probe',
        runAt: clock.now(),
        payload: { fails },
      });
    }

    await worker.drain();

    const state = async (id: string) =>
      (await database
        .knex('scheduled_jobs')
        .where({ id })
        .first('status', 'attempts', 'last_error')) as object;
    expect(await state(ids['gone']!)).toEqual({
      status: 'failed',
      attempts: 1,
      last_error: 'The record was not found.',
    });
    expect(await state(ids['stale']!)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await state(ids['fault']!)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'the network blinked',
    });
  });
});
