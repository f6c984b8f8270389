import { IMPORT_RECORD_TYPE_NAMES, type Import, type ImportCounts } from '@inbox-crm/shared/client';

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** "3 to create · 1 to update · 2 refused" for a dry run; "3 created · …" for the import. */
export function countsLine(counts: ImportCounts, run: 'preview' | 'import'): string {
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

/** "Contacts" (lower-cased mid-sentence as "contacts"). */
export const typeName = (item: Pick<Import, 'recordType'>) => IMPORT_RECORD_TYPE_NAMES[item.recordType];
