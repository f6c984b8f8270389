import type { RecordType } from '../schemas/common.js';

/** What each record type is called on screen. */
export const RECORD_TYPE_NAMES: Record<RecordType, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  case: 'Case',
};
