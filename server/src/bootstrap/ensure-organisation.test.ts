import { afterEach, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../db/database.js';
import { runMigrations } from '../db/migrate.js';
import { listRules } from '../modules/workflow/repository.js';
import { validateRule } from '../modules/workflow/rule-validation.js';
import { DEMO_ADMIN_EMAIL, DEMO_DOMAIN, DEMO_PASSWORD } from './demo-data.js';
import { ensureOrganisation, StartupRefused } from './ensure-organisation.js';
import { verifyPassword } from '../modules/users/passwords.js';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function emptyDatabase(kind: Database['kind']): Promise<Database> {
  const opened = await openPglite(':memory:');
  await runMigrations(opened.knex);
  database = opened;
  // The start-up rules differ by kind, not by driver: an empty PGlite stands in for an empty server.
  return { ...opened, kind };
}

const count = async (db: Database, table: string, where: Record<string, unknown> = {}) =>
  Number(((await db.knex(table).where(where).count('* as n').first()) as { n: string | number }).n);

describe('start-up on an empty database', () => {
  it('creates the demo company in the embedded database, once', async () => {
    const db = await emptyDatabase('pglite');
    expect(await ensureOrganisation(db, { bootstrap: null, demoData: false })).toEqual({
      demoLoaded: true,
      demoAvailable: true,
      bootstrappedAdmin: null,
    });
    expect(await ensureOrganisation(db, { bootstrap: null, demoData: false })).toMatchObject({
      demoLoaded: false,
      demoAvailable: true,
    });
    expect(await count(db, 'organisations')).toBe(1);

    expect(await count(db, 'accounts')).toBe(50);
    expect(await count(db, 'contacts')).toBe(300);
    expect(await count(db, 'users')).toBe(3);
    const stagesWithOpportunities = await db.knex('opportunities').countDistinct('stage_id as n').first();
    expect(Number(stagesWithOpportunities!.n)).toBe(6);
    const caseStatuses = (await db.knex('cases').distinct('status'))
      .map((row: { status: string }) => row.status)
      .sort();
    expect(caseStatuses).toEqual(['closed', 'new', 'open', 'pending', 'resolved']);
    for (const type of ['email', 'call', 'meeting', 'note'])
      expect(await count(db, 'activities', { type })).toBeGreaterThan(10);
    expect(await count(db, 'tasks', { done: false })).toBeGreaterThan(10);
    const admin = await db.knex('users').where({ email: DEMO_ADMIN_EMAIL }).first();
    expect(await verifyPassword(DEMO_PASSWORD, admin.password_hash)).toBe(true);
    const email = await db.knex('email_messages').first();
    expect(email.body_text.length).toBeGreaterThan(80);

    const member = await db
      .knex('users')
      .where({ email: `member@${DEMO_DOMAIN}` })
      .first();
    const manager = await db
      .knex('users')
      .where({ email: `manager@${DEMO_DOMAIN}` })
      .first();
    expect(member.manager_id).toBe(manager.id);
    const rules = await listRules(db.knex, admin.org_id);
    expect(rules).toHaveLength(2);
    // The demo's rules are ones the API would accept.
    await db.knex.transaction(async (trx) => {
      for (const rule of rules) await validateRule(trx, admin.org_id, rule, { emailEnabled: false });
    });
  });

  it('refuses to start a real database without an organisation, saying what to set', async () => {
    const db = await emptyDatabase('postgres');
    const start = ensureOrganisation(db, { bootstrap: null, demoData: false });
    await expect(start).rejects.toThrow(StartupRefused);
    await expect(ensureOrganisation(db, { bootstrap: null, demoData: false })).rejects.toThrow(
      /BOOTSTRAP_ORG_NAME, BOOTSTRAP_ADMIN_EMAIL/,
    );
  });

  it('creates the BOOTSTRAP_* organisation and admin on a real database, and only while there is none', async () => {
    const db = await emptyDatabase('postgres');
    const bootstrap = {
      orgName: 'Acme Ltd',
      adminEmail: 'Admin@Acme.example',
      adminPassword: 'a long password',
    };
    expect(await ensureOrganisation(db, { bootstrap, demoData: false })).toMatchObject({
      bootstrappedAdmin: 'Admin@Acme.example',
      demoLoaded: false,
    });
    expect(
      await ensureOrganisation(db, { bootstrap: { ...bootstrap, orgName: 'Second' }, demoData: false }),
    ).toMatchObject({ bootstrappedAdmin: null });
    expect(await db.knex('organisations').select('name', 'own_domains')).toEqual([
      { name: 'Acme Ltd', own_domains: ['acme.example'] },
    ]);
    expect(await count(db, 'users', { email: 'admin@acme.example', role: 'admin' })).toBe(1);
    expect(await count(db, 'pipeline_stages')).toBe(6);
  });

  it('loads the demo company into a real database with DEMO_DATA=true', async () => {
    const db = await emptyDatabase('postgres');
    expect(await ensureOrganisation(db, { bootstrap: null, demoData: true })).toMatchObject({
      demoLoaded: true,
    });
  });
});
