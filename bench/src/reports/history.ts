import type pg from 'pg';

// The lookup data set's deals and cases are written straight into their tables, all created at load
// time and with no history. This spreads their creation over the last year (by a hash of the id, so
// the same each time) and gives them a history: deals past the first stage spent up to three weeks
// in it first; resolved and closed cases were new for up to two days; each is in its present stage
// or status since. A data set whose every deal and case has a present stay is left as it is.
const STEPS: ReadonlyArray<[label: string, sql: string]> = [
  [
    'deals created over the last year',
    `UPDATE opportunities SET created_at = now() - ((hashtext(id::text) & 1048575) % 365) * interval '1 day'
     WHERE org_id = $1`,
  ],
  [
    'deals spent time in the first stage',
    `INSERT INTO opportunity_stage_history (org_id, id, opportunity_id, stage_id, entered_at, left_at)
     SELECT o.org_id, gen_random_uuid(), o.id, first_open.id, o.created_at,
            least(now(), o.created_at + ((hashtext(o.id::text) & 1023) % 21 + 1) * interval '1 day')
     FROM opportunities o
     CROSS JOIN LATERAL (SELECT s.id FROM pipeline_stages s WHERE s.org_id = o.org_id AND s.kind = 'open'
                         ORDER BY s.position LIMIT 1) first_open
     WHERE o.org_id = $1 AND o.stage_id <> first_open.id
       AND NOT EXISTS (SELECT 1 FROM opportunity_stage_history e
                       WHERE e.org_id = o.org_id AND e.opportunity_id = o.id AND e.left_at IS NOT NULL)`,
  ],
  [
    'deals are in their present stage since',
    `INSERT INTO opportunity_stage_history (org_id, id, opportunity_id, stage_id, entered_at)
     SELECT o.org_id, gen_random_uuid(), o.id, o.stage_id,
            coalesce((SELECT max(e.left_at) FROM opportunity_stage_history e
                      WHERE e.org_id = o.org_id AND e.opportunity_id = o.id), o.created_at)
     FROM opportunities o
     WHERE o.org_id = $1 AND NOT EXISTS (SELECT 1 FROM opportunity_stage_history e
                                         WHERE e.org_id = o.org_id AND e.opportunity_id = o.id AND e.left_at IS NULL)`,
  ],
  [
    'cases opened over the last year',
    `UPDATE cases SET created_at = now() - ((hashtext(id::text) & 1048575) % 365) * interval '1 day'
     WHERE org_id = $1`,
  ],
  [
    'resolved cases were new first',
    `INSERT INTO case_status_history (org_id, id, case_id, status, resolves, entered_at, left_at)
     SELECT k.org_id, gen_random_uuid(), k.id, 'new', false, k.created_at,
            least(now(), k.created_at + ((hashtext(k.id::text) & 1023) % 48 + 1) * interval '1 hour')
     FROM cases k WHERE k.org_id = $1 AND k.status IN ('resolved', 'closed')
       AND NOT EXISTS (SELECT 1 FROM case_status_history e
                       WHERE e.org_id = k.org_id AND e.case_id = k.id AND e.left_at IS NOT NULL)`,
  ],
  [
    'cases are in their present status since',
    `INSERT INTO case_status_history (org_id, id, case_id, status, resolves, entered_at)
     SELECT k.org_id, gen_random_uuid(), k.id, k.status, k.status IN ('resolved', 'closed'),
            coalesce((SELECT max(e.left_at) FROM case_status_history e
                      WHERE e.org_id = k.org_id AND e.case_id = k.id), k.created_at)
     FROM cases k
     WHERE k.org_id = $1 AND NOT EXISTS (SELECT 1 FROM case_status_history e
                                         WHERE e.org_id = k.org_id AND e.case_id = k.id AND e.left_at IS NULL)`,
  ],
];

export async function growHistory(client: pg.Client, orgId: string): Promise<void> {
  // Every step adds only what is missing, so a run stopped half way is finished by the next.
  const missing = await client.query(
    `SELECT 1 FROM opportunities o WHERE o.org_id = $1 AND NOT EXISTS (
       SELECT 1 FROM opportunity_stage_history h WHERE h.org_id = o.org_id AND h.opportunity_id = o.id AND h.left_at IS NULL)
     UNION ALL
     SELECT 1 FROM cases k WHERE k.org_id = $1 AND NOT EXISTS (
       SELECT 1 FROM case_status_history h WHERE h.org_id = k.org_id AND h.case_id = k.id AND h.left_at IS NULL)
     LIMIT 1`,
    [orgId],
  );
  if (missing.rowCount === 0) return;
  console.log('Giving the data set’s deals and cases a history over the last year…');
  await client.query('BEGIN');
  try {
    for (const [label, sql] of STEPS) {
      const started = Date.now();
      const result = await client.query(sql, [orgId]);
      console.log(`  ${label}: ${result.rowCount} rows (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('VACUUM (ANALYZE) opportunities, cases, opportunity_stage_history, case_status_history');
}
