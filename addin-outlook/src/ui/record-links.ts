import type { RecordRef, RecordType } from '@inbox-crm/shared/client';

const CONSOLE_PATHS: Record<RecordType, string> = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  case: 'cases',
};

export const RECORD_TYPE_NAMES: Record<RecordType, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  case: 'Case',
};

/** The console page of a record: the deep link the pane opens in a browser. */
export const consoleRecordPath = (record: RecordRef) => `/app/${CONSOLE_PATHS[record.type]}/${record.id}`;

/** The console page of a filed email. */
export const consoleEmailPath = (emailId: string) => `/app/emails/${emailId}`;

/** The record a console path names, or null. */
export function recordFromConsolePath(path: string): RecordRef | null {
  const match = /^\/app\/(accounts|contacts|opportunities|cases)\/([0-9a-f-]{36})\/?$/i.exec(path);
  if (!match) return null;
  const type = (Object.keys(CONSOLE_PATHS) as RecordType[]).find((key) => CONSOLE_PATHS[key] === match[1]);
  return type ? { type, id: match[2]!.toLowerCase() } : null;
}
