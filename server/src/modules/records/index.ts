export { recordService } from './record-service.js';
export {
  createRecord,
  insertRecord,
  insertRecords,
  publishUpdates,
  lastWriterName,
  reviseRecord,
  setRecordDeleted,
  updateRecord,
  type RecordKind,
} from './lifecycle.js';
export { checkReferences, referencesIn, type Reference } from './references.js';
export { normalizeDomains, normalizePhone } from './normalize.js';
export { changedColumns } from './changed-columns.js';
