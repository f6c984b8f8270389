import { RANKED_MATCHES_CAP, type ActivityType, type RecordType } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { preparedStatement, statementText } from '../../db/prepared-statement.js';
import { recordNameSql } from '../../db/record-names.js';
import type { Knex } from 'knex';
import type { Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import type { TsqueryLiteral } from './tsquery.js';

/** What every search statement narrows by: the words and tags, the date range, who may see it. */
export interface MatchConditions {
  match: TsqueryLiteral;
  since?: Date | undefined;
  until?: Date | undefined;
}

// Relevance halves with every 180 days of age: the score is the log of the rank plus the time, so
// that the order does not depend on when the question is asked (a cursor stays valid).
const HALF_LIFE_SECONDS = 180 * 86_400;
const score = (
  rank: TsqueryLiteral,
) => `ln(greatest(ts_rank(m.document, CAST(${rank} AS tsquery), 1), 1e-6)::float8)
  + extract(epoch FROM m.occurred_at)::float8 * ${Math.LN2 / HALF_LIFE_SECONDS}`;

function where(actor: Actor, conditions: MatchConditions, match: TsqueryLiteral = conditions.match) {
  const visible = visibleActivities(actor, 's');
  return {
    sql: `s.org_id = ? AND s.document @@ CAST(${match} AS tsquery) AND ${visible.sql}
          ${conditions.since ? 'AND s.occurred_at >= ?' : ''}
          ${conditions.until ? 'AND s.occurred_at < ?' : ''}`,
    bindings: [
      actor.orgId,
      ...visible.bindings,
      ...(conditions.since ? [conditions.since] : []),
      ...(conditions.until ? [conditions.until] : []),
    ],
  };
}

/**
 * How a search's statements find their rows: through the GIN index (rare words, a record's or a
 * participant's correspondence: the matches are few, then sorted), or by walking the newest rows
 * and testing each (common words: the first few hundred rows hold enough matches).
 */
export type SearchPath = 'index' | 'recent';

/**
 * Runs a search's statements on the path the caller chose. The planner is not left to choose:
 * for a word or tag missing from its statistics (most of them) it guesses hundreds of matches,
 * and with a LIMIT it then walks the whole table newest first to find the few there are (20 s for
 * a rare word among a million emails, against milliseconds through the index).
 */
export async function searching<T>(db: Knex, path: SearchPath, run: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    await trx.raw(
      path === 'index' ? 'SET LOCAL enable_indexscan = off' : 'SET LOCAL enable_bitmapscan = off',
    );
    return run(trx);
  });
}

export interface RankedPage {
  rows: { id: string; score: number }[];
  /** How many match, up to RANKED_MATCHES_CAP + 1. */
  matched: number;
}

/**
 * The best matches after the cursor's (score, id), among the newest RANKED_MATCHES_CAP + 1: all of
 * them for rare words; for common ones, the newest are weighed and `sort=newest` pages further.
 */
export async function rankedMatches(
  db: Db,
  actor: Actor,
  conditions: MatchConditions,
  rank: TsqueryLiteral,
  after: { score: number; id: string } | null,
  limit: number,
): Promise<RankedPage> {
  const filter = where(actor, conditions);
  const { rows } = await db.raw<{ rows: { id: string; score: number; matched: number }[] }>(
    `WITH m AS MATERIALIZED (
       SELECT s.activity_id, s.occurred_at, s.document FROM activity_search s
       WHERE ${filter.sql}
       ORDER BY s.occurred_at DESC, s.activity_id DESC
       LIMIT ${RANKED_MATCHES_CAP + 1}
     ), scored AS (
       SELECT m.activity_id AS id, ${score(rank)} AS score FROM m
     )
     SELECT id, score, (SELECT count(*) FROM m)::int AS matched FROM scored
     ${after ? 'WHERE (score, id) < (?, ?)' : ''}
     ORDER BY score DESC, id DESC
     LIMIT ${limit}`,
    [...filter.bindings, ...(after ? [after.score, after.id] : [])],
  );
  return { rows: rows.map(({ id, score }) => ({ id, score })), matched: rows[0]?.matched ?? 0 };
}

/** Matches newest first after the cursor's (time, id): every one, however far back. */
export async function newestMatches(
  db: Db,
  actor: Actor,
  conditions: MatchConditions,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<{ id: string; occurredAt: Date }[]> {
  const filter = where(actor, conditions);
  const { rows } = await db.raw<{ rows: { id: string; occurredAt: Date }[] }>(
    `SELECT s.activity_id AS id, s.occurred_at AS "occurredAt" FROM activity_search s
     WHERE ${filter.sql} ${after ? 'AND (s.occurred_at, s.activity_id) < (?, ?)' : ''}
     ORDER BY s.occurred_at DESC, s.activity_id DESC
     LIMIT ${limit}`,
    [...filter.bindings, ...(after ? [after.at, after.id] : [])],
  );
  return rows;
}

/** How many match, counted up to RANKED_MATCHES_CAP + 1. */
export async function cappedCount(
  db: Db,
  actor: Actor,
  conditions: MatchConditions,
  match: TsqueryLiteral = conditions.match,
): Promise<number> {
  const filter = where(actor, conditions, match);
  const { rows } = await db.raw<{ rows: { n: number }[] }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM activity_search s WHERE ${filter.sql} LIMIT ${RANKED_MATCHES_CAP + 1}) c`,
    filter.bindings,
  );
  return rows[0]?.n ?? 0;
}

/** How many of an account's contacts its search takes in (each is a term of the query). */
const SCOPED_CONTACTS_CAP = 5000;

/** The live contacts of an account (the first 5,000): its correspondence includes theirs. */
export async function accountContactIds(db: Db, orgId: string, accountId: string): Promise<string[]> {
  const rows = await db('contacts')
    .where({ org_id: orgId, account_id: accountId })
    .whereNull('deleted_at')
    .orderBy('id')
    .limit(SCOPED_CONTACTS_CAP)
    .select<{ id: string }[]>('id');
  return rows.map((row) => row.id);
}

export interface HitRow {
  id: string;
  type: ActivityType;
  subject: string;
  body: string | null;
  occurredAt: Date;
  ownerId: string | null;
  private: boolean;
  fromEmail: string | null;
  fromName: string | null;
  attachments: { name: string }[] | null;
  links: { type: RecordType; id: string; name: string | null }[];
}

/**
 * What a hit shows of each activity: its text (the start of a long body), sender and records. The
 * privacy rule and the trash are checked again on the activity itself, should its row lag behind.
 */
export async function hitRows(db: Db, actor: Actor, ids: readonly string[]): Promise<HitRow[]> {
  if (ids.length === 0) return [];
  const visible = visibleActivities(actor, 'a');
  // The same text on every call (one per privacy rule): prepared once per connection, since
  // planning it cost more than running it.
  const sql = statementText(`search hits ${visible.sql}`, () => hitRowsSql(visible.sql));
  const { rows } = await db
    .raw<{ rows: HitRow[] }>(sql, [actor.orgId, [...ids], ...visible.bindings])
    .options(preparedStatement(sql));
  return rows;
}

function hitRowsSql(visible: string): string {
  return `SELECT a.id, a.type, a.subject, left(COALESCE(m.body_text, a.body), 20000) AS body,
            a.occurred_at AS "occurredAt", a.owner_id AS "ownerId", a.private,
            m.from_email AS "fromEmail", m.from_name AS "fromName", m.attachments,
            COALESCE((SELECT json_agg(json_build_object('type', l.record_type, 'id', l.record_id, 'name', ${recordNameSql('l')})
                                      ORDER BY l.record_type, l.record_id)
                        FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id), '[]') AS links
     FROM activities a LEFT JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
     WHERE a.org_id = ? AND a.id = ANY(CAST(? AS uuid[])) AND a.deleted_at IS NULL AND ${visible}`;
}
