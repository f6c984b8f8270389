/**
 * SQL for the display name of the record a link row points at (`alias` has org_id, record_type
 * and record_id): account and opportunity names, a contact's full name, a case's subject.
 */
export function recordNameSql(alias: string): string {
  const where = `x.org_id = ${alias}.org_id AND x.id = ${alias}.record_id`;
  return `CASE ${alias}.record_type
    WHEN 'account' THEN (SELECT x.name FROM accounts x WHERE ${where})
    WHEN 'contact' THEN (SELECT trim(x.first_name || ' ' || x.last_name) FROM contacts x WHERE ${where})
    WHEN 'opportunity' THEN (SELECT x.name FROM opportunities x WHERE ${where})
    WHEN 'case' THEN (SELECT x.subject FROM cases x WHERE ${where})
  END`;
}
