import type { Opportunity, OpportunityListQuery, PageOf, StageKind } from '@inbox-crm/shared';
import { pageById } from '../../db/pagination.js';
import { whereSearchMatches } from '../../db/search.js';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import type { Db } from '../../db/types.js';

interface OpportunityRow extends RecordMetaRow {
  name: string;
  account_id: string | null;
  contact_id: string | null;
  stage_id: string;
  status: StageKind;
  amount_minor: number | null;
  currency: string | null;
  close_date: string | null;
  probability: number;
  owner_id: string | null;
}

export type OpportunityColumns = Partial<
  Omit<OpportunityRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'deleted_at'>
> & {
  search_text?: string;
};

const toOpportunity = (row: OpportunityRow): Opportunity => ({
  ...recordMeta(row),
  name: row.name,
  accountId: row.account_id,
  contactId: row.contact_id,
  stageId: row.stage_id,
  status: row.status,
  amountMinor: row.amount_minor,
  currency: row.currency,
  closeDate: row.close_date,
  probability: row.probability,
  ownerId: row.owner_id,
});

export async function loadOpportunity(db: Db, orgId: string, id: string): Promise<Opportunity | undefined> {
  const row = (await db('opportunities').where({ org_id: orgId, id }).first()) as OpportunityRow | undefined;
  return row && toOpportunity(row);
}

export function listOpportunities(
  db: Db,
  orgId: string,
  query: OpportunityListQuery,
): Promise<PageOf<Opportunity>> {
  const builder = db('opportunities').where({ org_id: orgId });
  if (query.deleted) builder.whereNotNull('deleted_at');
  else builder.whereNull('deleted_at');
  if (query.accountId) builder.where({ account_id: query.accountId });
  if (query.contactId) builder.where({ contact_id: query.contactId });
  if (query.stageId) builder.where({ stage_id: query.stageId });
  if (query.status) builder.where({ status: query.status });
  if (query.ownerId) builder.where({ owner_id: query.ownerId });
  whereSearchMatches(builder, 'search_vector', query.q);
  return pageById(builder, query, toOpportunity);
}

export async function insertOpportunity(
  db: Db,
  orgId: string,
  id: string,
  columns: OpportunityColumns,
): Promise<void> {
  await db('opportunities').insert({ org_id: orgId, id, ...columns });
}

export async function updateOpportunityColumns(
  db: Db,
  orgId: string,
  id: string,
  columns: OpportunityColumns,
): Promise<void> {
  if (Object.keys(columns).length > 0) await db('opportunities').where({ org_id: orgId, id }).update(columns);
}

/** The stage new opportunities start in: the first open stage of the pipeline. */
export async function firstOpenStageId(db: Db, orgId: string): Promise<string | undefined> {
  const row = (await db('pipeline_stages')
    .where({ org_id: orgId, kind: 'open' })
    .orderBy(['position', 'name'])
    .first('id')) as { id: string } | undefined;
  return row?.id;
}
