import { randomBytes } from 'node:crypto';
import type { Webhook, WebhookCreate, WebhookUpdate, WebhookWithSecret } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { iso, type Db } from '../../db/types.js';
import { NotFound, StaleVersion, ValidationFailed } from '../../errors.js';
import { recordAudit } from '../audit/repository.js';

interface WebhookRow {
  id: string;
  name: string;
  url: string;
  secret: string;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  name: row.name,
  url: row.url,
  active: row.active,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

async function findWebhook(db: Db, orgId: string, id: string): Promise<WebhookRow | undefined> {
  return (await db('webhooks').where({ org_id: orgId, id }).whereNull('deleted_at').forUpdate().first()) as
    WebhookRow | undefined;
}

/** Receivers are called over HTTPS, or plain HTTP to this machine (a local relay, tests). */
function checkUrl(url: string): string {
  const parsed = new URL(url);
  const local =
    parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    throw new ValidationFailed('A webhook URL must use https (plain http only to localhost).', [
      { in: 'body', field: 'url' },
    ]);
  }
  if (parsed.username || parsed.password) {
    throw new ValidationFailed('A webhook URL may not carry a user name or password; it is signed instead.', [
      { in: 'body', field: 'url' },
    ]);
  }
  return parsed.toString();
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export async function listWebhooks(db: Knex, actor: Actor): Promise<Webhook[]> {
  requireRole(actor, 'admin');
  const rows = (await db('webhooks')
    .where({ org_id: actor.orgId })
    .whereNull('deleted_at')
    .orderBy('id')) as WebhookRow[];
  return rows.map(toWebhook);
}

/** Creates a webhook; its signing secret is in this answer and never again. */
export function createWebhook(db: Knex, actor: Actor, input: WebhookCreate): Promise<WebhookWithSecret> {
  requireRole(actor, 'admin');
  const url = checkUrl(input.url);
  return db.transaction(async (trx) => {
    const id = newId();
    const secret = newSecret();
    await trx('webhooks').insert({ org_id: actor.orgId, id, name: input.name.trim(), url, secret });
    const created = toWebhook((await findWebhook(trx, actor.orgId, id))!);
    await recordAudit(trx, actor, 'create', 'webhook', id, null, created);
    return { ...created, secret };
  });
}

export function updateWebhook(db: Knex, actor: Actor, id: string, input: WebhookUpdate): Promise<Webhook> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const before = await findWebhook(trx, actor.orgId, id);
    if (!before) throw new NotFound('Webhook');
    if (before.version !== input.version) throw new StaleVersion('This webhook', before.version);
    await trx('webhooks')
      .where({ org_id: actor.orgId, id })
      .update({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.url !== undefined ? { url: checkUrl(input.url) } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        version: trx.raw('version + 1'),
        updated_at: trx.fn.now(),
      });
    const after = toWebhook((await findWebhook(trx, actor.orgId, id))!);
    await recordAudit(trx, actor, 'update', 'webhook', id, toWebhook(before), after);
    return after;
  });
}

/** A new signing secret, answered once; the old one stops working at once. */
export function rotateWebhookSecret(db: Knex, actor: Actor, id: string): Promise<WebhookWithSecret> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    if (!(await findWebhook(trx, actor.orgId, id))) throw new NotFound('Webhook');
    const secret = newSecret();
    await trx('webhooks')
      .where({ org_id: actor.orgId, id })
      .update({ secret, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
    await recordAudit(trx, actor, 'rotate_secret', 'webhook', id, null, null);
    return { ...toWebhook((await findWebhook(trx, actor.orgId, id))!), secret };
  });
}

export function deleteWebhook(db: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const before = await findWebhook(trx, actor.orgId, id);
    if (!before) throw new NotFound('Webhook');
    await trx('webhooks')
      .where({ org_id: actor.orgId, id })
      .update({ deleted_at: trx.fn.now(), active: false });
    await recordAudit(trx, actor, 'delete', 'webhook', id, toWebhook(before), null);
  });
}
