import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../db/database.js';
import { runMigrations } from '../../db/migrate.js';
import { TooManyRequests } from '../../errors.js';
import { takeLoginAttempt } from './login-throttle.js';

let database: Database;
beforeAll(async () => {
  database = await openPglite(':memory:');
  await runMigrations(database.knex);
});
afterAll(() => database.close());

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, 0) + seconds * 1000);
const attemptAt = (address: string, seconds: number) =>
  takeLoginAttempt(database.knex, address, '198.51.100.9', at(seconds)).then(
    () => 'counted',
    (error: unknown) => (error instanceof TooManyRequests ? error.retryAfterSeconds : 'failed'),
  );

describe('sign-in windows', () => {
  it('when ten attempts fall either side of the clock’s minute, then they still share one window from the first', async () => {
    const outcomes = [];
    for (let index = 0; index < 10; index += 1)
      outcomes.push(await attemptAt('edge@example.test', 55 + index));
    expect(outcomes).toEqual(Array(10).fill('counted'));
    expect(await attemptAt('edge@example.test', 70)).toBe(45);
  });

  it('when the window of the first attempt has passed, then a new one starts', async () => {
    for (let index = 0; index < 11; index += 1) await attemptAt('later@example.test', 200 + index);
    expect(await attemptAt('later@example.test', 259)).toBe(1);
    expect(await attemptAt('later@example.test', 261)).toBe('counted');
  });
});
