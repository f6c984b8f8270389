import type { Webhook } from '@inbox-crm/shared';
import { iso, type Db } from '../../db/types.js';

export interface WebhookRow {
  id: string;
  name: string;
  url: string;
  secret: string;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A webhook as the API shows it: never its secret. */
export const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  name: row.name,
  url: row.url,
  active: row.active,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export async function lockWebhook(db: Db, orgId: string, id: string): Promise<WebhookRow | undefined> {
  return (await db('webhooks').where({ org_id: orgId, id }).whereNull('deleted_at').forUpdate().first()) as
    WebhookRow | undefined;
}

export async function listWebhooks(db: Db, orgId: string): Promise<Webhook[]> {
  const rows = (await db('webhooks')
    .where({ org_id: orgId })
    .whereNull('deleted_at')
    .orderBy('id')) as WebhookRow[];
  return rows.map(toWebhook);
}

export async function insertWebhook(
  db: Db,
  orgId: string,
  row: Pick<WebhookRow, 'id' | 'name' | 'url' | 'secret'>,
): Promise<void> {
  await db('webhooks').insert({ org_id: orgId, ...row });
}

/** Writes the changes and bumps the version; `deleted` moves it to the trash (and switches it off). */
export async function updateWebhook(
  db: Db,
  orgId: string,
  id: string,
  changes: Partial<Pick<WebhookRow, 'name' | 'url' | 'secret' | 'active'>> & { deleted?: true },
): Promise<void> {
  const { deleted, ...columns } = changes;
  await db('webhooks')
    .where({ org_id: orgId, id })
    .update({
      ...columns,
      ...(deleted ? { deleted_at: db.fn.now(), active: false } : {}),
      version: db.raw('version + 1'),
      updated_at: db.fn.now(),
    });
}
