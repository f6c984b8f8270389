import type {
  AccountSearchHit,
  CaseSearchHit,
  CaseStatus,
  ContactSearchHit,
  OpportunitySearchHit,
  SearchGroups,
  StageKind,
} from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import type { SearchedList } from './searched-tables.js';

type HitOf<L extends SearchedList> = SearchGroups[L]['items'][number];

interface HitRow {
  id: string;
  name: string;
  domain?: string | null;
  email?: string | null;
  stage?: string;
  status?: string;
  account_id?: string | null;
  account_name?: string | null;
}

const accountJoin = `LEFT JOIN accounts a ON a.org_id = r.org_id AND a.id = r.account_id`;

// Each group's hits with the second line that tells namesakes apart, by id within the organisation.
const SELECTS: Record<SearchedList, string> = {
  accounts: `SELECT r.id, r.name,
               (SELECT min(d.domain) FROM account_domains d WHERE d.org_id = r.org_id AND d.account_id = r.id) AS domain
             FROM accounts r`,
  contacts: `SELECT r.id, trim(r.first_name || ' ' || r.last_name) AS name, a.id AS account_id, a.name AS account_name,
               (SELECT e.email FROM contact_emails e WHERE e.org_id = r.org_id AND e.contact_id = r.id
                 ORDER BY e.position, e.email LIMIT 1) AS email
             FROM contacts r ${accountJoin}`,
  opportunities: `SELECT r.id, r.name, s.name AS stage, r.status, a.id AS account_id, a.name AS account_name
                  FROM opportunities r JOIN pipeline_stages s ON s.org_id = r.org_id AND s.id = r.stage_id ${accountJoin}`,
  cases: `SELECT r.id, r.subject AS name, r.status, a.id AS account_id, a.name AS account_name FROM cases r ${accountJoin}`,
};

const accountOf = (row: HitRow) =>
  row.account_id ? { id: row.account_id, name: row.account_name ?? '' } : null;

const TO_HIT: { [L in SearchedList]: (row: HitRow) => HitOf<L> } = {
  accounts: (row): AccountSearchHit => ({ id: row.id, name: row.name, domain: row.domain ?? null }),
  contacts: (row): ContactSearchHit => ({
    id: row.id,
    name: row.name,
    email: row.email ?? null,
    account: accountOf(row),
  }),
  opportunities: (row): OpportunitySearchHit => ({
    id: row.id,
    name: row.name,
    stage: row.stage ?? '',
    status: row.status as StageKind,
    account: accountOf(row),
  }),
  cases: (row): CaseSearchHit => ({
    id: row.id,
    name: row.name,
    status: row.status as CaseStatus,
    account: accountOf(row),
  }),
};

/** The hits for these ids, in the order given. */
export async function hitsByIds<L extends SearchedList>(
  db: Db,
  list: L,
  orgId: string,
  ids: readonly string[],
): Promise<HitOf<L>[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.raw<{ rows: HitRow[] }>(
    `${SELECTS[list]} WHERE r.org_id = ? AND r.id = ANY(?::uuid[])`,
    [orgId, ids as string[]],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [TO_HIT[list](row)] : [];
  });
}
