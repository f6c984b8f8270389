import type { RecordRef, RecordType } from '../schemas/common.js';

const CONSOLE_FOLDERS: Record<RecordType, string> = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  case: 'cases',
};

/** The console page of a record, e.g. /app/contacts/<id>: the deep link both add-ins open. */
export const consoleRecordPath = (record: RecordRef) => `/app/${CONSOLE_FOLDERS[record.type]}/${record.id}`;

/** The console page of a filed email. */
export const consoleEmailPath = (emailId: string) => `/app/emails/${emailId}`;

/** The record a console path names, or null. */
export function recordFromConsolePath(path: string): RecordRef | null {
  const match = /^\/app\/(accounts|contacts|opportunities|cases)\/([0-9a-f-]{36})\/?$/i.exec(path);
  if (!match) return null;
  const type = (Object.keys(CONSOLE_FOLDERS) as RecordType[]).find(
    (key) => CONSOLE_FOLDERS[key] === match[1],
  );
  return type ? { type, id: match[2]!.toLowerCase() } : null;
}
