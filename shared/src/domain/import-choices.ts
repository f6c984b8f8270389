// The fixed choices of an import, as plain values: browser pages use them without TypeBox.

/** What a CSV import brings in: a record type, or notes and calls with their dates. */
export const IMPORT_RECORD_TYPES = ['account', 'contact', 'opportunity', 'case', 'note', 'call'] as const;

/** create: only new records; update: only records that match; upsert: both. */
export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;

export const IMPORT_STATUSES = [
  'uploaded',
  'previewing',
  'previewed',
  'queued',
  'running',
  'done',
  'cancelled',
  'failed',
  'reverting',
  'reverted',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const IMPORT_DELIMITERS = [',', ';', '\t', '|'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

/** How dates in the file are written; ISO 8601 (2026-03-01, with or without a time) is always read. */
export const IMPORT_DATE_FORMATS = ['iso', 'dd/MM/yyyy', 'MM/dd/yyyy', 'dd.MM.yyyy'] as const;
export type ImportDateFormat = (typeof IMPORT_DATE_FORMATS)[number];

/**
 * What one row came to: a record created or updated, one that already held these values, a refusal,
 * or (an archived message that matches nobody) skipped.
 */
export const IMPORT_ROW_ACTIONS = ['create', 'update', 'unchanged', 'refuse', 'skip'] as const;
export type ImportRowAction = (typeof IMPORT_ROW_ACTIONS)[number];

/** A dry run (preview) or the import itself. */
export const IMPORT_RUNS = ['preview', 'import'] as const;
export type ImportRun = (typeof IMPORT_RUNS)[number];

export const MAX_IMPORT_COLUMNS = 200;
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** A mailbox archive may be larger than a CSV file; larger still go through the command line. */
export const MAX_MAIL_IMPORT_BYTES = 512 * 1024 * 1024;
