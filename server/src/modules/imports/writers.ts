import type { ImportRecordType } from '@inbox-crm/shared';
import { accountWriter } from './account-writer.js';
import { activityWriter } from './activity-writer.js';
import { caseWriter } from './case-writer.js';
import { contactWriter } from './contact-writer.js';
import { opportunityWriter } from './opportunity-writer.js';
import type { ImportedRecord, RecordWriter } from './record-writer.js';

/** The writer of each record type a CSV can bring in. */
export const WRITERS: Record<ImportRecordType, RecordWriter<unknown, ImportedRecord>> = {
  account: accountWriter as RecordWriter<unknown, ImportedRecord>,
  contact: contactWriter as RecordWriter<unknown, ImportedRecord>,
  opportunity: opportunityWriter as RecordWriter<unknown, ImportedRecord>,
  case: caseWriter as RecordWriter<unknown, ImportedRecord>,
  note: activityWriter('note') as RecordWriter<unknown, ImportedRecord>,
  call: activityWriter('call') as RecordWriter<unknown, ImportedRecord>,
};
