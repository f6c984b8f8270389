import { iso, isoOrNull } from './types.js';

/** The columns every versioned, soft-deletable record has. */
export interface RecordMetaRow {
  id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export function recordMeta(row: RecordMetaRow) {
  return {
    id: row.id,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deletedAt: isoOrNull(row.deleted_at),
  };
}
