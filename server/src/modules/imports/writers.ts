import type { ImportRecordType } from '@inbox-crm/shared';
import { accountWriter } from './account-writer.js';
import { activityWriter } from './activity-writer.js';
import { caseWriter } from './case-writer.js';
import { contactWriter } from './contact-writer.js';
import { opportunityWriter } from './opportunity-writer.js';
import type { ImportedRecord, RecordWriter } from './record-writer.js';

/** The writer of each record type a CSV can bring in. */
/** A writer of any record type, as the runner drives it: rows and records are opaque to it. */
type AnyWriter = RecordWriter<unknown, ImportedRecord>;

export const WRITERS: Record<ImportRecordType, AnyWriter> = {
  account: accountWriter as unknown as AnyWriter,
  contact: contactWriter as unknown as AnyWriter,
  opportunity: opportunityWriter as unknown as AnyWriter,
  case: caseWriter as unknown as AnyWriter,
  note: activityWriter('note') as unknown as AnyWriter,
  call: activityWriter('call') as unknown as AnyWriter,
};
