import type { Case, CaseListQuery, CasePriority, CaseStatus, PageOf } from '@inbox-crm/shared';
import { pageById } from '../../db/pagination.js';
import { whereSearchMatches } from '../../db/search.js';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { isoOrNull, type Db } from '../../db/types.js';

interface CaseRow extends RecordMetaRow {
  subject: string;
  description: string | null;
  status: CaseStatus;
  priority: CasePriority;
  account_id: string | null;
  contact_id: string | null;
  owner_id: string | null;
  number: number;
  team_id: string | null;
  category: string | null;
  support_mailbox_id: string | null;
  first_response_at: Date | null;
}

export type CaseColumns = Partial<
  Omit<CaseRow, 'id' | 'number' | 'version' | 'created_at' | 'updated_at' | 'deleted_at'>
> & {
  search_text?: string;
};

const toCase = (row: CaseRow): Case => ({
  ...recordMeta(row),
  number: row.number,
  subject: row.subject,
  description: row.description,
  status: row.status,
  priority: row.priority,
  accountId: row.account_id,
  contactId: row.contact_id,
  ownerId: row.owner_id,
  teamId: row.team_id,
  category: row.category,
  supportMailboxId: row.support_mailbox_id,
  firstResponseAt: isoOrNull(row.first_response_at),
});

export async function loadCase(db: Db, orgId: string, id: string): Promise<Case | undefined> {
  const row = (await db('cases').where({ org_id: orgId, id }).first()) as CaseRow | undefined;
  return row && toCase(row);
}

export function listCases(db: Db, orgId: string, query: CaseListQuery): Promise<PageOf<Case>> {
  const builder = db('cases').where({ org_id: orgId });
  if (query.deleted) builder.whereNotNull('deleted_at');
  else builder.whereNull('deleted_at');
  if (query.accountId) builder.where({ account_id: query.accountId });
  if (query.contactId) builder.where({ contact_id: query.contactId });
  if (query.status) builder.where({ status: query.status });
  if (query.priority) builder.where({ priority: query.priority });
  if (query.ownerId) builder.where({ owner_id: query.ownerId });
  if (query.teamId) builder.where({ team_id: query.teamId });
  if (query.number) builder.where({ number: query.number });
  whereSearchMatches(builder, 'search_vector', query.q);
  return pageById(builder, query, toCase);
}

/** Inserts the case and answers it as stored, its number taken. */
export async function insertCase(db: Db, orgId: string, id: string, columns: CaseColumns): Promise<Case> {
  const [row] = (await db('cases')
    .insert({ org_id: orgId, id, ...columns })
    .returning('*')) as CaseRow[];
  return toCase(row!);
}

export async function updateCaseColumns(
  db: Db,
  orgId: string,
  id: string,
  columns: CaseColumns,
): Promise<void> {
  if (Object.keys(columns).length > 0) await db('cases').where({ org_id: orgId, id }).update(columns);
}

/** The live case with this number in the organisation. */
export async function findCaseByNumber(db: Db, orgId: string, number: number): Promise<Case | undefined> {
  const row = (await db('cases').where({ org_id: orgId, number }).whereNull('deleted_at').first()) as
    CaseRow | undefined;
  return row && toCase(row);
}
