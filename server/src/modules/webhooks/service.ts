import { randomBytes } from 'node:crypto';
import type { Webhook, WebhookCreate, WebhookUpdate, WebhookWithSecret } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { NotFound, StaleVersion } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import * as webhooks from './repository.js';
import { checkWebhookUrl, type WebhookAddressRule } from './webhook-url.js';

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

async function lockedOrNotFound(trx: Knex.Transaction, actor: Actor, id: string) {
  const row = await webhooks.lockWebhook(trx, actor.orgId, id);
  if (!row) throw new NotFound('Webhook');
  return row;
}

export function listWebhooks(db: Knex, actor: Actor): Promise<Webhook[]> {
  requireRole(actor, 'admin');
  return webhooks.listWebhooks(db, actor.orgId);
}

/** Creates a webhook; its signing secret is in this answer and never again. */
export function createWebhook(
  db: Knex,
  actor: Actor,
  input: WebhookCreate,
  rule: WebhookAddressRule,
): Promise<WebhookWithSecret> {
  requireRole(actor, 'admin');
  const url = checkWebhookUrl(input.url, rule);
  return db.transaction(async (trx) => {
    const id = newId();
    const secret = newSecret();
    await webhooks.insertWebhook(trx, actor.orgId, { id, name: input.name.trim(), url, secret });
    const created = webhooks.toWebhook(await lockedOrNotFound(trx, actor, id));
    await recordAudit(trx, actor, 'create', 'webhook', id, null, created);
    return { ...created, secret };
  });
}

export function updateWebhook(
  db: Knex,
  actor: Actor,
  id: string,
  input: WebhookUpdate,
  rule: WebhookAddressRule,
): Promise<Webhook> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const before = await lockedOrNotFound(trx, actor, id);
    if (before.version !== input.version) throw new StaleVersion('This webhook', before.version);
    await webhooks.updateWebhook(trx, actor.orgId, id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.url !== undefined ? { url: checkWebhookUrl(input.url, rule) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    const after = webhooks.toWebhook(await lockedOrNotFound(trx, actor, id));
    await recordAudit(trx, actor, 'update', 'webhook', id, webhooks.toWebhook(before), after);
    return after;
  });
}

/** A new signing secret, answered once; the old one stops working at once. */
export function rotateWebhookSecret(db: Knex, actor: Actor, id: string): Promise<WebhookWithSecret> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    await lockedOrNotFound(trx, actor, id);
    const secret = newSecret();
    await webhooks.updateWebhook(trx, actor.orgId, id, { secret });
    await recordAudit(trx, actor, 'rotate_secret', 'webhook', id, null, null);
    return { ...webhooks.toWebhook(await lockedOrNotFound(trx, actor, id)), secret };
  });
}

export function deleteWebhook(db: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const before = await lockedOrNotFound(trx, actor, id);
    await webhooks.updateWebhook(trx, actor.orgId, id, { deleted: true });
    await recordAudit(trx, actor, 'delete', 'webhook', id, webhooks.toWebhook(before), null);
  });
}
