import { Unprocessable } from '../../errors.js';
import { preparedStatement } from '../../db/prepared-statement.js';
import type { Db } from '../../db/types.js';

export type ReferenceType = 'account' | 'contact' | 'opportunity' | 'case' | 'user' | 'team' | 'stage';

const TABLES: Record<ReferenceType, { table: string; live: string; label: string }> = {
  account: { table: 'accounts', live: 'deleted_at IS NULL', label: 'account' },
  contact: { table: 'contacts', live: 'deleted_at IS NULL', label: 'contact' },
  opportunity: { table: 'opportunities', live: 'deleted_at IS NULL', label: 'opportunity' },
  case: { table: 'cases', live: 'deleted_at IS NULL', label: 'case' },
  user: { table: 'users', live: 'active', label: 'active user' },
  team: { table: 'teams', live: 'true', label: 'team' },
  stage: { table: 'pipeline_stages', live: 'true', label: 'pipeline stage' },
};

export interface Reference {
  field: string;
  type: ReferenceType;
  id: string | null | undefined;
}

/**
 * Refuses with 422 when any referenced record is not a live record of the caller's organisation.
 * Records of other organisations look exactly like missing ones.
 */
export async function checkReferences(
  db: Db,
  orgId: string,
  references: readonly Reference[],
): Promise<void> {
  const wanted = references.filter((reference): reference is Reference & { id: string } =>
    Boolean(reference.id),
  );
  const missing: Reference[] = [];
  const types = [...new Set(wanted.map((reference) => reference.type))];
  for (const type of types) {
    const { table, live } = TABLES[type];
    const ids = [
      ...new Set(wanted.filter((reference) => reference.type === type).map((reference) => reference.id)),
    ];
    const sql = `SELECT id FROM ${table} WHERE org_id = ? AND id = ANY(CAST(? AS uuid[])) AND ${live}`;
    const { rows } = await db
      .raw<{ rows: { id: string }[] }>(sql, [orgId, ids])
      .options(preparedStatement(sql));
    const found = new Set(rows.map((row) => row.id));
    missing.push(...wanted.filter((reference) => reference.type === type && !found.has(reference.id)));
  }
  if (missing.length > 0) {
    const first = missing[0]!;
    throw new Unprocessable(
      'invalid_reference',
      `${first.field} does not name an existing ${TABLES[first.type].label} of your organisation.`,
      missing.map((reference) => ({ field: reference.field, type: reference.type, id: reference.id })),
    );
  }
}

/** The references an input names, from a map of its id fields to what each points at. */
export function referencesIn<Input extends object>(
  input: Input,
  fields: { [Field in keyof Input]?: ReferenceType },
): Reference[] {
  return (Object.entries(fields) as [keyof Input & string, ReferenceType][]).map(([field, type]) => ({
    field,
    type,
    id: input[field] as string | null | undefined,
  }));
}
