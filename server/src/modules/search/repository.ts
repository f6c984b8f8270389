import { CASE_STATUS_NAMES, type CaseStatus, type RecordType, type SearchHit } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { nameKey, type SearchWords } from './search-words.js';

// Per type: the name shown and a second line that tells two namesakes apart.
const SOURCES: Record<RecordType, string> = {
  account: `SELECT 'account' AS type, r.id, r.name, (SELECT min(d.domain) FROM account_domains d WHERE d.org_id = r.org_id AND d.account_id = r.id) AS detail
            FROM accounts r`,
  contact: `SELECT 'contact' AS type, r.id, trim(r.first_name || ' ' || r.last_name) AS name,
              COALESCE((SELECT x.name FROM accounts x WHERE x.org_id = r.org_id AND x.id = r.account_id),
                       (SELECT min(e.email) FROM contact_emails e WHERE e.org_id = r.org_id AND e.contact_id = r.id)) AS detail
            FROM contacts r`,
  opportunity: `SELECT 'opportunity' AS type, r.id, r.name, (SELECT s.name FROM pipeline_stages s WHERE s.org_id = r.org_id AND s.id = r.stage_id) AS detail
                FROM opportunities r`,
  case: `SELECT 'case' AS type, r.id, r.subject AS name, r.status AS detail FROM cases r`,
};

/**
 * Live records of these types whose search words match, up to `limit` per type: those whose name
 * starts with the query first, then the newest. Ranked before the limit, so "a" still finds the
 * account named Acme among many newer records that merely have a word starting with a.
 */
export async function recordsMatching(
  db: Db,
  orgId: string,
  words: SearchWords,
  types: readonly RecordType[],
  limit: number,
): Promise<SearchHit[]> {
  const parts = types.map(
    (type) =>
      `(${SOURCES[type]} WHERE r.org_id = ? AND r.deleted_at IS NULL AND r.search_vector @@ to_tsquery('simple', ?)
        ORDER BY ${nameKey('r')} LIKE ${words.namePrefixLiteral} DESC, r.updated_at DESC LIMIT ?)`,
  );
  const bindings = types.flatMap(() => [orgId, words.tsquery, limit]);
  const { rows } = await db.raw<{ rows: SearchHit[] }>(parts.join(' UNION ALL '), bindings);
  // A case's second line is its status, in the words the rest of the product uses ("Pending").
  return rows.map((hit) =>
    hit.type === 'case' && hit.detail ? { ...hit, detail: CASE_STATUS_NAMES[hit.detail as CaseStatus] } : hit,
  );
}
