import type { Organisation, PipelineStage, RetentionAction, StageKind } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';

export interface OrganisationRow {
  id: string;
  name: string;
  own_domains: string[];
  free_mail_domains: string[];
  never_file: string[];
  default_country: string;
  auto_file_threads: boolean;
  retention_months: number | null;
  retention_action: RetentionAction;
  metadata_only: boolean;
  version: number;
}

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    ownDomains: row.own_domains,
    freeMailDomains: row.free_mail_domains,
    neverFile: row.never_file,
    defaultCountry: row.default_country,
    autoFileThreads: row.auto_file_threads,
    retentionMonths: row.retention_months,
    retentionAction: row.retention_action,
    metadataOnly: row.metadata_only,
    version: row.version,
  };
}

export async function findOrganisation(
  db: Db,
  id: string,
  lock = false,
): Promise<OrganisationRow | undefined> {
  const query = db('organisations').where({ id }).first();
  if (lock) query.forUpdate();
  return (await query) as OrganisationRow | undefined;
}

export async function insertOrganisation(db: Db, row: Pick<OrganisationRow, 'id' | 'name' | 'own_domains'>) {
  await db('organisations').insert(row);
}

export async function updateOrganisation(
  db: Db,
  id: string,
  changes: Partial<OrganisationRow>,
): Promise<OrganisationRow> {
  const [row] = (await db('organisations')
    .where({ id })
    .update({ ...changes, version: db.raw('version + 1'), updated_at: db.fn.now() })
    .returning('*')) as OrganisationRow[];
  return row!;
}

export async function countOrganisations(db: Db): Promise<number> {
  const row = (await db('organisations').count('* as n').first()) as { n: number | string } | undefined;
  return Number(row?.n ?? 0);
}

interface StageRow {
  id: string;
  name: string;
  position: number;
  kind: StageKind;
  probability: number;
  version: number;
}

const toStage = (row: StageRow): PipelineStage => ({
  id: row.id,
  name: row.name,
  position: row.position,
  kind: row.kind,
  probability: row.probability,
  version: row.version,
});

export async function listStages(db: Db, orgId: string): Promise<PipelineStage[]> {
  const rows = (await db('pipeline_stages')
    .where({ org_id: orgId })
    .orderBy(['position', 'name'])) as StageRow[];
  return rows.map(toStage);
}

export async function findStage(
  db: Db,
  orgId: string,
  id: string,
  lock = false,
): Promise<PipelineStage | undefined> {
  const query = db('pipeline_stages').where({ org_id: orgId, id }).first();
  if (lock) query.forUpdate();
  const row = (await query) as StageRow | undefined;
  return row && toStage(row);
}

export async function insertStages(
  db: Db,
  orgId: string,
  stages: Omit<StageRow, 'version'>[],
): Promise<PipelineStage[]> {
  const rows = (await db('pipeline_stages')
    .insert(stages.map((stage) => ({ ...stage, org_id: orgId })))
    .returning('*')) as StageRow[];
  return rows.map(toStage);
}

export async function updateStage(
  db: Db,
  orgId: string,
  id: string,
  changes: Partial<StageRow>,
): Promise<PipelineStage> {
  const [row] = (await db('pipeline_stages')
    .where({ org_id: orgId, id })
    .update({ ...changes, version: db.raw('version + 1') })
    .returning('*')) as StageRow[];
  return toStage(row!);
}

export async function stageNameTaken(
  db: Db,
  orgId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const query = db('pipeline_stages')
    .where({ org_id: orgId })
    .whereRaw('lower(name) = lower(?)', [name])
    .first('id');
  if (exceptId) query.whereNot({ id: exceptId });
  return (await query) !== undefined;
}

/** The organisation's salt for hashing suppressed addresses (set once, never changed). */
export async function privacySalt(db: Db, orgId: string): Promise<string> {
  const row = (await db('organisations').where({ id: orgId }).first('privacy_salt')) as
    { privacy_salt: string } | undefined;
  if (!row) throw new Error(`No organisation ${orgId}`);
  return row.privacy_salt;
}
