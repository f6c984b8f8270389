import type { RecordService } from '../../http/record-routes.js';
import { getRecord, setRecordDeleted, type RecordKind, type Versioned } from './lifecycle.js';

/** A record type's service: its own list, create and update, and the shared get, delete and restore. */
export function recordService<Item extends Versioned, Create, Update, Query>(
  kind: RecordKind<Item>,
  own: Pick<RecordService<Item, Create, Update, Query>, 'list' | 'create' | 'update'>,
): RecordService<Item, Create, Update, Query> {
  return {
    ...own,
    get: (db, actor, id) => getRecord(db, actor, kind, id),
    remove: (db, actor, id) => setRecordDeleted(db, actor, kind, id, true),
    restore: (db, actor, id) => setRecordDeleted(db, actor, kind, id, false),
  };
}
