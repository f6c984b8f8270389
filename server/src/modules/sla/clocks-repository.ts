import type { CasePriority, CaseStatus } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import type { ClockedCase, StatusStay } from './case-clocks.js';

export interface ClockedCaseRow extends ClockedCase {
  id: string;
  accountId: string | null;
}

interface CaseRow {
  id: string;
  account_id: string | null;
  created_at: Date;
  priority: CasePriority;
  status: CaseStatus;
  first_response_at: Date | null;
}

const toClocked = (row: CaseRow): ClockedCaseRow => ({
  id: row.id,
  accountId: row.account_id,
  createdAt: row.created_at,
  priority: row.priority,
  status: row.status,
  firstResponseAt: row.first_response_at,
});

const CASE_COLUMNS = ['id', 'account_id', 'created_at', 'priority', 'status', 'first_response_at'];

/** These live cases of the organisation, as their clocks need them. */
export async function clockedCases(db: Db, orgId: string, ids: readonly string[]): Promise<ClockedCaseRow[]> {
  const rows = (await db('cases')
    .where({ org_id: orgId })
    .whereIn('id', [...ids])
    .whereNull('deleted_at')
    .select(CASE_COLUMNS)) as CaseRow[];
  return rows.map(toClocked);
}

/** The organisation's cases whose clocks run (new or open), oldest first. */
export async function runningCases(db: Db, orgId: string): Promise<ClockedCaseRow[]> {
  const rows = (await db('cases')
    .where({ org_id: orgId })
    .whereIn('status', ['new', 'open'])
    .whereNull('deleted_at')
    .orderBy('created_at')
    .select(CASE_COLUMNS)) as CaseRow[];
  return rows.map(toClocked);
}

/** Each case's stays in its statuses, in order. */
export async function statusStays(
  db: Db,
  orgId: string,
  caseIds: readonly string[],
): Promise<Map<string, StatusStay[]>> {
  const stays = new Map<string, StatusStay[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return stays;
  const rows = (await db('case_status_history')
    .where({ org_id: orgId })
    .whereIn('case_id', [...caseIds])
    .orderBy('entered_at')
    .select('case_id', 'status', 'entered_at', 'left_at')) as {
    case_id: string;
    status: CaseStatus;
    entered_at: Date;
    left_at: Date | null;
  }[];
  for (const row of rows) {
    stays.get(row.case_id)?.push({ status: row.status, enteredAt: row.entered_at, leftAt: row.left_at });
  }
  return stays;
}
