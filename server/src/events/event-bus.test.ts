import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import { openPglite, type Database } from '../db/database.js';
import type { UserUpdated } from './domain-events.js';
import { emit, wireSubscribers } from './event-bus.js';

// The bus keeps its subscribers per process; vitest gives this file a process of its own.
let database: Database;
beforeAll(async () => {
  database = await openPglite(':memory:');
  await database.knex.raw('CREATE TABLE heard (n serial PRIMARY KEY, what text NOT NULL)');
});
afterAll(() => database.close());

const actor: Actor = { orgId: 'org', userId: 'admin', role: 'admin', teamId: null };
const event = (userId: string): UserUpdated => ({
  type: 'user.updated',
  actor,
  userId,
  deactivated: true,
  passwordChanged: false,
});
const heard = async () => (await database.knex('heard').orderBy('n').pluck('what')) as string[];

describe('the domain event bus', () => {
  it('refuses to publish before the composition root has wired the subscribers', async () => {
    await expect(database.knex.transaction((trx) => emit(trx, event('u1')))).rejects.toThrow(/wired/);
  });

  it('runs the subscribers in order inside the publishing transaction, and a failing one undoes them all', async () => {
    wireSubscribers((bus) => {
      bus.on('user.updated', async (trx, { userId }) => {
        await trx('heard').insert({ what: `first ${userId}` });
      });
      bus.on('user.updated', async (trx, { userId }) => {
        if (userId === 'refused') throw new Error('the second subscriber failed');
        await trx('heard').insert({ what: `second ${userId}` });
      });
      bus.on('email.filed', async (trx) => {
        await trx('heard').insert({ what: 'an email' });
      });
    });
    wireSubscribers((bus) => bus.on('user.updated', () => Promise.reject(new Error('wired twice'))));

    await database.knex.transaction((trx) => emit(trx, event('u2')));
    expect(await heard()).toEqual(['first u2', 'second u2']);

    const failed = database.knex.transaction(async (trx) => {
      await trx('heard').insert({ what: 'the change itself' });
      await emit(trx, event('refused'));
    });
    await expect(failed).rejects.toThrow('the second subscriber failed');
    expect(await heard()).toEqual(['first u2', 'second u2']);
  });
});
