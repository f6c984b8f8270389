import type { Knex } from 'knex';
import { migrationSource } from '@inbox-crm/migrations';

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function runMigrations(knex: Knex): Promise<string[]> {
  const [, ran] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  return ran;
}
