/** SQL rendering a timestamptz as ISO 8601 in UTC ('…Z'), as every JSON answer carries time. */
export function isoSql(expression: string): string {
  return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** SQL for `{ id, name }` of a user, or null. */
export function userRefSql(orgExpression: string, idExpression: string): string {
  return `(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.org_id = ${orgExpression} AND u.id = ${idExpression})`;
}
