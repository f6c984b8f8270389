import type { RuleRecord, WorkflowRecordType } from '@inbox-crm/shared';
import type { TaskColumns } from './repository.js';

/**
 * The records a task made for this record (by a rule or a plan step) is about: the record itself
 * and the account and contact it belongs to; for a task, the records that task is about.
 */
export function linksOfTaskFor(
  recordType: WorkflowRecordType,
  recordId: string,
  record: RuleRecord,
): Partial<TaskColumns> {
  const value = (field: string) => (typeof record[field] === 'string' ? (record[field] as string) : null);
  switch (recordType) {
    case 'account':
      return { account_id: recordId };
    case 'contact':
      return { contact_id: recordId, account_id: value('accountId') };
    case 'opportunity':
      return { opportunity_id: recordId, account_id: value('accountId'), contact_id: value('contactId') };
    case 'case':
      return { case_id: recordId, account_id: value('accountId'), contact_id: value('contactId') };
    case 'task':
      return {
        account_id: value('accountId'),
        contact_id: value('contactId'),
        opportunity_id: value('opportunityId'),
        case_id: value('caseId'),
      };
  }
}
