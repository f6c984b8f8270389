import {
  IMPORT_RECORD_TYPE_NAMES,
  type Import,
  type ImportCounts,
  type ImportRecordType,
} from '@inbox-crm/shared/client';

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** "3 to create · 1 to update · 2 refused" for a dry run; "3 created · …" for the import; filed and skipped for mail. */
export function countsLine(counts: ImportCounts, run: 'preview' | 'import', mail = false): string {
  if (mail) {
    return [
      `${counts.create.toLocaleString()} filed`,
      `${counts.unchanged.toLocaleString()} filed before`,
      `${counts.skip.toLocaleString()} skipped as they match nobody`,
      `${counts.refuse.toLocaleString()} refused`,
    ].join(' · ');
  }
  const would = run === 'preview';
  return [
    `${counts.create.toLocaleString()} ${would ? 'to create' : 'created'}`,
    `${counts.update.toLocaleString()} ${would ? 'to update' : 'updated'}`,
    `${counts.unchanged.toLocaleString()} already up to date`,
    `${counts.refuse.toLocaleString()} ${would ? 'would be refused' : 'refused'}`,
    ...(counts.accountsCreated > 0
      ? [
          plural(
            counts.accountsCreated,
            would ? 'new account' : 'account made',
            would ? 'new accounts' : 'accounts made',
          ),
        ]
      : []),
  ].join(' · ');
}

/** "1.2 MB", "830 KB" */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What the import brings in: "Contacts", or "Emails" for a mailbox archive. */
export const typeName = (item: Pick<Import, 'recordType'>) =>
  item.recordType === 'email' ? 'Emails' : IMPORT_RECORD_TYPE_NAMES[item.recordType];

/** A CSV file's import: it has columns, a mapping, a dry run and a revert. */
export type CsvImport = Import & { recordType: ImportRecordType };
export const isCsv = (item: Import): item is CsvImport => item.recordType !== 'email';
