import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { recordAudit } from '../audit/index.js';
import { exportTables } from './export-tables.js';
import { exportZip } from './export-zip.js';

export interface OrganisationExport {
  filename: string;
  zip: Readable;
}

/**
 * Everything the organisation owns as one ZIP, for admins, read from one snapshot: a transaction
 * that stays open (read only) until the ZIP is written or the download stops.
 */
export async function exportOrganisation(db: Knex, actor: Actor): Promise<OrganisationExport> {
  requireRole(actor, 'admin');
  await db.transaction((trx) => recordAudit(trx, actor, 'export', 'organisation', actor.orgId, null, null));
  const trx = await db.transaction();
  try {
    await trx.raw('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const organisation = (await trx('organisations').where({ id: actor.orgId }).first('name')) as {
      name: string;
    };
    const zip = await exportZip(trx, actor.orgId, organisation.name, await exportTables(trx));
    const finish = () => void trx.rollback().catch(() => undefined);
    zip.once('end', finish);
    zip.once('error', finish);
    zip.once('close', finish);
    const day = new Date().toISOString().slice(0, 10);
    return { filename: `inbox-crm-export-${day}.zip`, zip };
  } catch (error) {
    await trx.rollback().catch(() => undefined);
    throw error;
  }
}
