import type pg from 'pg';

const BATCH = 1_000;

/**
 * The floor an import is measured against: as many contacts and their addresses inserted as plain
 * multi-row INSERTs, a thousand a statement, with no matching, validation, events or audit; in a
 * transaction rolled back, so the data set stays as it was. Answers the seconds it took.
 */
export async function insertContactsBaseline(db: pg.Client, orgId: string, rows: number): Promise<number> {
  const started = performance.now();
  await db.query('BEGIN');
  try {
    for (let from = 0; from < rows; from += BATCH) {
      const count = Math.min(BATCH, rows - from);
      await db.query(
        `WITH made AS (
           INSERT INTO contacts (org_id, id, first_name, last_name, search_text, version, created_at, updated_at)
           SELECT $1, gen_random_uuid(), 'Baseline', 'Person ' || n, 'baseline person ' || n, 1, now(), now()
           FROM generate_series($2::int, $3::int) AS n
           RETURNING id, last_name)
         INSERT INTO contact_emails (org_id, email, contact_id, position)
         SELECT $1, 'baseline' || substr(last_name, 8) || '@baseline.example', id, 0 FROM made`,
        [orgId, from + 1, from + count],
      );
    }
  } finally {
    await db.query('ROLLBACK');
  }
  return (performance.now() - started) / 1000;
}
