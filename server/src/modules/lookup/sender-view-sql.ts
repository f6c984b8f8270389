import { statementText } from '../../db/prepared-statement.js';
import { TIMELINE_ENTRY_COLUMNS } from '../timeline/index.js';

/** Addresses are matched by exact address, then by domain; a phone number by contact, then by account. */
export type MatchMode = 'address' | 'phone';

const OPEN_ITEMS_LIMIT = 20;

// Bindings: the organisation, then the input arrays (addresses, their domains and their hashes as
// the suppression list keeps them, or phones), then whether the first row leads (else the best
// match), and whether every row is answered in full (else only the leading one).
const INPUT: Record<MatchMode, string> = {
  address: `SELECT CAST(? AS uuid) AS org_id, i.address, i.domain, i.hash, i.ord
            FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) WITH ORDINALITY AS i(address, domain, hash, ord)`,
  phone: `SELECT CAST(? AS uuid) AS org_id, i.phone, i.ord
          FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS i(phone, ord)`,
};

// An address no contact holds may be on the suppression list (someone who asked to be forgotten):
// asked in the same statement, so the pane's question stays one round trip.
const SUPPRESSED: Record<MatchMode, string> = {
  address: `c.id IS NULL AND EXISTS (
      SELECT 1 FROM suppressions s WHERE s.org_id = i.org_id AND s.address_hash = i.hash)`,
  phone: 'false',
};

// An address belongs to one contact and a domain to one account (both primary keys per
// organisation); a phone number may be shared, and then the most recently updated record wins.
// The LIMIT 1 changes no answer: it keeps PostgreSQL from turning a lateral into a join over all
// of the organisation's addresses, which a generic plan picks for a small organisation (it does
// not know how many addresses are asked) and which then grows with the organisation.
const MATCH: Record<MatchMode, string> = {
  address: `
    LEFT JOIN LATERAL (
      SELECT c.id, c.account_id FROM contact_emails e
      JOIN contacts c ON c.org_id = e.org_id AND c.id = e.contact_id AND c.deleted_at IS NULL
      WHERE e.org_id = i.org_id AND e.email = i.address
      LIMIT 1
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT a.id, d.domain FROM account_domains d
      JOIN accounts a ON a.org_id = d.org_id AND a.id = d.account_id AND a.deleted_at IS NULL
      WHERE c.id IS NULL AND d.org_id = i.org_id AND d.domain = i.domain
      LIMIT 1
    ) da ON true`,
  phone: `
    LEFT JOIN LATERAL (
      SELECT c.id, c.account_id FROM contact_phones p
      JOIN contacts c ON c.org_id = p.org_id AND c.id = p.contact_id AND c.deleted_at IS NULL
      WHERE p.org_id = i.org_id AND p.phone = i.phone
      ORDER BY c.updated_at DESC LIMIT 1
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT a.id, CAST(NULL AS text) AS domain FROM accounts a
      WHERE c.id IS NULL AND a.org_id = i.org_id AND a.phone = i.phone AND a.deleted_at IS NULL
      ORDER BY a.updated_at DESC LIMIT 1
    ) da ON true`,
};

// What the view shows of a match; `visible` filters the timeline (one binding set, then the limit).
const viewColumns = (visible: string) => `
  (SELECT json_build_object(
      'id', c.id, 'name', trim(c.first_name || ' ' || c.last_name), 'firstName', c.first_name, 'lastName', c.last_name,
      'title', c.title, 'accountId', c.account_id,
      'emails', ARRAY(SELECT e.email FROM contact_emails e WHERE m.in_full AND e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.position, e.email),
      'phones', COALESCE((SELECT json_agg(json_build_object('number', p.phone, 'label', p.label) ORDER BY p.position)
                          FROM contact_phones p WHERE m.in_full AND p.org_id = c.org_id AND p.contact_id = c.id), '[]'::json),
      'consents', COALESCE((SELECT json_agg(json_build_object('purpose', k.purpose, 'state', k.state) ORDER BY k.purpose)
                            FROM contact_consents k WHERE m.in_full AND k.org_id = c.org_id AND k.contact_id = c.id), '[]'::json),
      'ownerId', c.owner_id)
    FROM contacts c WHERE c.org_id = m.org_id AND c.id = m.contact_id) AS contact,
  (SELECT json_build_object(
      'id', a.id, 'name', a.name, 'website', a.website, 'phone', a.phone,
      'domains', ARRAY(SELECT d.domain FROM account_domains d WHERE m.in_full AND d.org_id = a.org_id AND d.account_id = a.id ORDER BY d.domain),
      'ownerId', a.owner_id)
    FROM accounts a WHERE a.org_id = m.org_id AND a.id = m.account_id AND a.deleted_at IS NULL) AS account,
  COALESCE((SELECT json_agg(o) FROM (
      SELECT o.id, o.name, s.name AS stage, o.amount_minor AS "amountMinor", o.currency, o.close_date AS "closeDate", o.probability
      FROM opportunities o JOIN pipeline_stages s ON s.org_id = o.org_id AND s.id = o.stage_id
      WHERE m.in_full AND o.org_id = m.org_id AND o.status = 'open' AND o.deleted_at IS NULL
        AND (o.account_id = m.account_id OR o.contact_id = m.contact_id)
      ORDER BY o.close_date NULLS LAST, o.id LIMIT ${OPEN_ITEMS_LIMIT}) o), '[]'::json) AS opportunities,
  COALESCE((SELECT json_agg(k) FROM (
      SELECT k.id, k.subject, k.status, k.priority, k.updated_at AS "updatedAt"
      FROM cases k
      WHERE m.in_full AND k.org_id = m.org_id AND k.status IN ('new', 'open', 'pending') AND k.deleted_at IS NULL
        AND (k.account_id = m.account_id OR k.contact_id = m.contact_id)
      ORDER BY k.updated_at DESC LIMIT ${OPEN_ITEMS_LIMIT}) k), '[]'::json) AS cases,
  COALESCE((SELECT json_agg(t) FROM (
      SELECT t.id, t.title, t.due_at AS "dueAt", t.priority, t.assignee_id AS "assigneeId"
      FROM tasks t
      WHERE m.in_full AND t.org_id = m.org_id AND NOT t.done AND t.deleted_at IS NULL
        AND (t.contact_id = m.contact_id OR t.account_id = m.account_id)
      ORDER BY t.due_at NULLS LAST, t.id LIMIT ${OPEN_ITEMS_LIMIT}) t), '[]'::json) AS tasks,
  COALESCE((SELECT json_agg(h) FROM (
      SELECT ${TIMELINE_ENTRY_COLUMNS}
      FROM activity_links l
      WHERE m.in_full AND l.org_id = m.org_id AND m.match <> 'none'
        AND l.record_type = CASE WHEN m.contact_id IS NOT NULL THEN 'contact' ELSE 'account' END
        AND l.record_id = COALESCE(m.contact_id, m.account_id)
        AND NOT l.deleted AND ${visible}
      ORDER BY l.occurred_at DESC, l.activity_id DESC LIMIT ?) h), '[]'::json) AS timeline`;

function build(mode: MatchMode, visible: string, extraColumn: string | null): string {
  return `
    WITH input AS (${INPUT[mode]}),
    matched AS (
      SELECT i.org_id, i.ord, c.id AS contact_id, COALESCE(c.account_id, da.id) AS account_id, da.domain AS matched_domain,
        CASE WHEN c.id IS NOT NULL THEN 'contact' WHEN da.id IS NOT NULL THEN 'account' ELSE 'none' END AS match,
        ${SUPPRESSED[mode]} AS suppressed
      FROM input i ${MATCH[mode]}
    ),
    first_match AS (
      SELECT ord FROM matched
      ORDER BY CASE WHEN CAST(? AS boolean) THEN 0 WHEN match = 'contact' THEN 0 WHEN match = 'account' THEN 1 ELSE 2 END, ord
      LIMIT 1
    ),
    shown AS (
      SELECT matched.*, (CAST(? AS boolean) OR matched.ord = (SELECT ord FROM first_match)) AS in_full FROM matched
    )
    SELECT m.ord, m.match, m.matched_domain, m.in_full, m.suppressed, ${viewColumns(visible)}${extraColumn ? `, ${extraColumn}` : ''}
    FROM shown m ORDER BY m.ord`;
}

/**
 * The sender view as one statement for all candidates of a mode: the match, then per match the
 * contact and account (their addresses, phones and domains only in full), and for the leading match
 * (or every one, when asked) the open opportunities, cases and tasks and the latest visible timeline
 * entries. The leading match is the first asked, or
 * the best: the first contact, else the first account, else the first asked; the service puts the
 * same one on top. An `extra` column (e.g. the message's filing) comes last, its bindings after all
 * others; `variant` names it (with the visibility rules it holds) for the statement cache.
 */
export function senderViewSql(
  mode: MatchMode,
  visibleActivitiesSql: string,
  extra: { variant: string; column: () => string } | null = null,
): string {
  return statementText(`sender-view\n${mode}\n${visibleActivitiesSql}\n${extra?.variant ?? ''}`, () =>
    build(mode, visibleActivitiesSql, extra?.column() ?? null),
  );
}
