import type { Knex } from 'knex';
import { redactJson, unbounded } from './redaction.js';
import { CHANGED, redacted } from './redaction-sql.js';

// An erasure's writes to everything but the mail: tasks, deals and cases, plan runs, views,
// notifications, deliveries, jobs, the support ledger and the audit log. Every statement is scoped
// to the organisation.

type Trx = Knex.Transaction;

/** The close pattern for what concerns the person; the wide one for anything else. */
export interface ErasurePatterns {
  close: string;
  wide: string;
}

/**
 * Tasks: one about the person alone goes; one also about an account, deal or case stays without
 * them. Tasks about them lose every word that names them; any other loses what names them alone.
 * Answers the tasks deleted and those changed.
 */
export async function eraseFromTasks(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
  patterns: ErasurePatterns,
): Promise<{ deleted: string[]; redacted: string[] }> {
  const deleted = (await trx('tasks')
    .where({ org_id: orgId })
    .whereIn('contact_id', contactIds)
    .whereNull('account_id')
    .whereNull('opportunity_id')
    .whereNull('case_id')
    .delete()
    .returning('id')) as { id: string }[];
  const theirs = await trx.raw<{ rows: { id: string }[] }>(
    `UPDATE tasks SET contact_id = NULL, title = ${redacted('title')}, notes = ${redacted('notes')}, ${CHANGED}
     WHERE org_id = :org AND contact_id = ANY(:contacts) RETURNING id`,
    { org: orgId, contacts: contactIds, pattern: patterns.close },
  );
  const others = await trx.raw<{ rows: { id: string }[] }>(
    `UPDATE tasks SET title = ${redacted('title')}, notes = ${redacted('notes')}, ${CHANGED}
     WHERE org_id = :org AND (title ~* :pattern OR notes ~* :pattern) RETURNING id`,
    { org: orgId, pattern: patterns.wide },
  );
  return {
    deleted: deleted.map((row) => row.id),
    redacted: [...theirs.rows, ...others.rows].map((row) => row.id),
  };
}

/**
 * Deals and cases keep their history but lose the person: their contact and every word naming them
 * where they were the contact, what names them alone anywhere else. Answers the records changed,
 * with the text their search is made from.
 */
export async function eraseFromDealsAndCases(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
  patterns: ErasurePatterns,
): Promise<{ cases: { id: string; subject: string }[]; deals: { id: string; name: string }[] }> {
  const named = { org: orgId, contacts: contactIds };
  const cases = async (where: string, pattern: string) =>
    (
      await trx.raw<{ rows: { id: string; subject: string }[] }>(
        `UPDATE cases SET contact_id = CASE WHEN contact_id = ANY(:contacts) THEN NULL ELSE contact_id END,
           subject = ${redacted('subject')}, description = ${redacted('description')}, ${CHANGED}
         WHERE org_id = :org AND ${where} RETURNING id, subject`,
        { ...named, pattern },
      )
    ).rows;
  const deals = async (where: string, pattern: string) =>
    (
      await trx.raw<{ rows: { id: string; name: string }[] }>(
        `UPDATE opportunities SET contact_id = CASE WHEN contact_id = ANY(:contacts) THEN NULL ELSE contact_id END,
           name = ${redacted('name')}, ${CHANGED}
         WHERE org_id = :org AND ${where} RETURNING id, name`,
        { ...named, pattern },
      )
    ).rows;
  return {
    cases: [
      ...(await cases('contact_id = ANY(:contacts)', patterns.close)),
      ...(await cases('(subject ~* :pattern OR description ~* :pattern)', patterns.wide)),
    ],
    deals: [
      ...(await deals('contact_id = ANY(:contacts)', patterns.close)),
      ...(await deals('name ~* :pattern', patterns.wide)),
    ],
  };
}

/** Sets the words a case or deal is found by again, from its redacted subject or name. */
export async function setSearchText(
  trx: Trx,
  orgId: string,
  table: 'cases' | 'opportunities',
  rows: readonly { id: string; searchText: string }[],
): Promise<void> {
  for (const row of rows) {
    await trx(table).where({ org_id: orgId, id: row.id }).update({ search_text: row.searchText });
  }
}

/**
 * JSON columns of the rows a condition picks, with every string value redacted in Node (keys and
 * JSON syntax untouched), written back where anything changed.
 */
async function redactJsonColumns(
  trx: Trx,
  table: string,
  columns: readonly string[],
  where: { sql: string; bindings: Record<string, unknown> },
  pattern: string,
  key: readonly string[] = ['id'],
): Promise<void> {
  const { rows } = await trx.raw<{ rows: Record<string, unknown>[] }>(
    `SELECT org_id, ${key.join(', ')}, ${columns.join(', ')} FROM ${table} WHERE ${where.sql}`,
    where.bindings,
  );
  for (const row of rows) {
    const changes: Record<string, unknown> = {};
    for (const column of columns) {
      const after = redactJson(row[column], pattern);
      if (JSON.stringify(after) !== JSON.stringify(row[column])) changes[column] = JSON.stringify(after);
    }
    if (Object.keys(changes).length > 0) {
      const where = Object.fromEntries(['org_id', ...key].map((column) => [column, row[column]]));
      await trx(table).where(where).update(changes);
    }
  }
}

/**
 * The rest of what may name the person: engagement plans run for them, views of them, in-app
 * notifications, outgoing mail and webhooks, queued jobs, and support mail taken in from them or
 * filed among what the erasure touched.
 */
export async function eraseFromTheRest(
  trx: Trx,
  orgId: string,
  person: { contactIds: readonly string[]; addresses: readonly string[]; activityIds: readonly string[] },
  patterns: ErasurePatterns,
): Promise<void> {
  const { contactIds, addresses } = person;
  const named = { org: orgId, contacts: contactIds, addresses, pattern: patterns.wide };
  const enrollments = trx('plan_enrollments')
    .where({ org_id: orgId, record_type: 'contact' })
    .whereIn('record_id', contactIds)
    .select('id');
  // A plan's tasks outlive its run: they point at it no longer.
  await trx('tasks')
    .where({ org_id: orgId })
    .whereIn('plan_enrollment_id', enrollments)
    .update({ plan_enrollment_id: null });
  await trx('plan_enrollments')
    .where({ org_id: orgId, record_type: 'contact' })
    .whereIn('record_id', contactIds)
    .delete();
  await trx('plan_enrollments')
    .where({ org_id: orgId })
    .whereIn('contact_id', contactIds)
    .update({ contact_id: null });
  await trx('recent_views')
    .where({ org_id: orgId, record_type: 'contact' })
    .whereIn('record_id', contactIds)
    .delete();
  await trx.raw(
    `DELETE FROM notifications WHERE org_id = :org AND record_type = 'contact' AND record_id = ANY(:contacts)`,
    named,
  );
  await trx.raw(
    `UPDATE notifications SET title = ${redacted('title')}, body = ${redacted('body')}
     WHERE org_id = :org AND (title ~* :pattern OR body ~* :pattern)`,
    named,
  );
  await trx.raw(`DELETE FROM deliveries WHERE org_id = :org AND lower(recipient) = ANY(:addresses)`, named);
  await trx.raw(
    `DELETE FROM scheduled_jobs WHERE org_id = :org AND status <> 'done'
       AND EXISTS (SELECT 1 FROM unnest(CAST(:contacts AS text[])) c WHERE CAST(payload AS text) LIKE '%' || c || '%')`,
    named,
  );
  for (const table of ['deliveries', 'scheduled_jobs']) {
    await trx.raw(
      `UPDATE ${table} SET last_error = ${redacted('last_error')} WHERE org_id = :org AND last_error ~* :pattern`,
      named,
    );
    await redactJsonColumns(
      trx,
      table,
      ['payload'],
      {
        sql: 'org_id = :org AND CAST(payload AS text) ~* :loose',
        bindings: { org: orgId, loose: unbounded(patterns.wide) },
      },
      patterns.wide,
    );
  }
  await trx.raw(
    `UPDATE support_mail_received SET
       from_email = CASE WHEN from_email = ANY(:addresses) THEN NULL ELSE from_email END,
       source = CASE WHEN from_email = ANY(:addresses) OR activity_id = ANY(:activities) THEN NULL ELSE source END,
       subject = ${redacted('subject')}, reason = ${redacted('reason')}
     WHERE org_id = :org AND (from_email = ANY(:addresses) OR activity_id = ANY(:activities)
       OR subject ~* :pattern OR reason ~* :pattern)`,
    { ...named, activities: person.activityIds },
  );
  await eraseFromImports(trx, orgId, contactIds, patterns.wide);
}

/**
 * What imports kept of the person: the outcomes of rows that made or named them, and the files
 * they were uploaded in (an import still waiting on such a file fails when it reads it).
 */
async function eraseFromImports(trx: Trx, orgId: string, contactIds: readonly string[], pattern: string) {
  const named = { org: orgId, contacts: contactIds, pattern };
  await trx.raw(`DELETE FROM import_rows WHERE org_id = :org AND record_id = ANY(:contacts)`, named);
  await trx.raw(
    `UPDATE import_rows SET label = ${redacted('label')}, reason = ${redacted('reason')}
     WHERE org_id = :org AND (label ~* :pattern OR reason ~* :pattern)`,
    named,
  );
  await redactJsonColumns(
    trx,
    'import_rows',
    ['cells', 'previous', 'applied'],
    {
      sql: `org_id = :org AND (CAST(cells AS text) ~* :loose OR CAST(previous AS text) ~* :loose
              OR CAST(applied AS text) ~* :loose)`,
      bindings: { org: orgId, loose: unbounded(pattern) },
    },
    pattern,
    ['import_id', 'run', 'row_number'],
  );
  await trx.raw(
    `DELETE FROM import_file_chunks WHERE org_id = :org AND import_id IN (
       SELECT import_id FROM import_file_chunks WHERE org_id = :org AND encode(bytes, 'escape') ~* :pattern)`,
    named,
  );
}

/**
 * Blanks what the audit log kept of things the erasure deleted; in the entries of what it changed,
 * takes out every word naming the person.
 */
export async function eraseFromAudit(
  trx: Trx,
  orgId: string,
  entities: { deleted: readonly string[]; changed: readonly string[] },
  pattern: string,
): Promise<void> {
  await trx.raw(
    `UPDATE audit_log SET before = NULL, after = NULL WHERE org_id = :org AND entity_id = ANY(:deleted)`,
    { org: orgId, deleted: entities.deleted },
  );
  await redactJsonColumns(
    trx,
    'audit_log',
    ['before', 'after'],
    {
      sql: 'org_id = :org AND entity_id = ANY(:changed) AND (CAST(before AS text) ~* :loose OR CAST(after AS text) ~* :loose)',
      bindings: { org: orgId, changed: entities.changed, loose: unbounded(pattern) },
    },
    pattern,
  );
}
