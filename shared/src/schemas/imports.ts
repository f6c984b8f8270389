import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, PageQuery, strict, Uuid, UserRef } from './common.js';

import {
  IMPORT_DATE_FORMATS,
  IMPORT_DELIMITERS,
  IMPORT_ENCODINGS,
  IMPORT_MODES,
  IMPORT_RECORD_TYPES,
  IMPORT_ROW_ACTIONS,
  IMPORT_RUNS,
  IMPORT_STATUSES,
} from '../domain/import-choices.js';

export const ImportRecordType = Type.Enum(IMPORT_RECORD_TYPES);
export type ImportRecordType = (typeof IMPORT_RECORD_TYPES)[number];
export const ImportMode = Type.Enum(IMPORT_MODES);
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Column index (as a string, from 0) to the field it fills; a column left out is ignored. */
export const ImportMapping = Type.Record(
  Type.String({ pattern: '^[0-9]{1,3}$' }),
  Type.String({ maxLength: 40 }),
);
export type ImportMapping = Static<typeof ImportMapping>;

export const ImportSettings = Type.Object({
  encoding: Type.Enum(IMPORT_ENCODINGS),
  delimiter: Type.Enum(IMPORT_DELIMITERS),
  headerRow: Type.Integer({
    minimum: 1,
    maximum: 50,
    description: 'the line of the file holding the column names',
  }),
  dateFormat: Type.Enum(IMPORT_DATE_FORMATS),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'for amounts given without a currency' }),
  mode: ImportMode,
  mapping: ImportMapping,
});
export type ImportSettings = Static<typeof ImportSettings>;

export const ImportSettingsChange = Type.Partial(
  Type.Object({ ...ImportSettings.properties, recordType: ImportRecordType }),
  strict,
);
export type ImportSettingsChange = Static<typeof ImportSettingsChange>;

export const ImportCounts = Type.Object({
  create: Type.Integer(),
  update: Type.Integer(),
  unchanged: Type.Integer(),
  refuse: Type.Integer(),
  skip: Type.Integer({ description: 'archived messages that match no contact or account' }),
  accountsCreated: Type.Integer({
    description: 'accounts made for contacts, deals and cases whose company was new',
  }),
});
export type ImportCounts = Static<typeof ImportCounts>;

/** What a revert did: records it made deleted, records it changed put back, and those left because people changed them since. */
export const ImportRevertCounts = Type.Object({
  deleted: Type.Integer(),
  restored: Type.Integer(),
  kept: Type.Integer({ description: 'records changed by someone since the import, left as they are' }),
});
export type ImportRevertCounts = Static<typeof ImportRevertCounts>;

export const Import = Type.Object({
  id: Uuid,
  source: Type.Enum(['csv', 'mail'] as const),
  recordType: Type.Union([ImportRecordType, Type.Literal('email')], {
    description: 'what a CSV file holds, or email for a mailbox archive',
  }),
  fileName: Type.String(),
  fileBytes: Type.Integer(),
  status: Type.Enum(IMPORT_STATUSES),
  settings: ImportSettings,
  /** The column names read from the header row. */
  columns: Type.Array(Type.String()),
  /** The first lines of the file as read, for choosing the header row and checking the mapping. */
  sample: Type.Array(Type.Array(Type.String())),
  /** The fields the columns would fill, from names saved earlier and the columns' own names. */
  suggestedMapping: ImportMapping,
  rowsTotal: Nullable(
    Type.Integer({ description: 'known once a preview or the import has read the whole file' }),
  ),
  rowsDone: Type.Integer(),
  preview: Nullable(ImportCounts),
  result: Nullable(ImportCounts),
  reverted: Nullable(ImportRevertCounts),
  cancelRequested: Type.Boolean(),
  failure: Nullable(Type.String()),
  createdBy: Nullable(UserRef),
  createdAt: IsoDateTime,
  startedAt: Nullable(IsoDateTime),
  finishedAt: Nullable(IsoDateTime),
  revertedAt: Nullable(IsoDateTime),
});
export type Import = Static<typeof Import>;

export const ImportList = Type.Object({ items: Type.Array(Import), nextCursor: Nullable(Type.String()) });

export const ImportUploadQuery = Type.Object(
  { recordType: ImportRecordType, fileName: Type.String({ minLength: 1, maxLength: 255 }) },
  strict,
);
export type ImportUploadQuery = Static<typeof ImportUploadQuery>;

export const MailImportUploadQuery = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 255 }) },
  strict,
);
export type MailImportUploadQuery = Static<typeof MailImportUploadQuery>;

export const ImportRowsQuery = Type.Object(
  {
    ...PageQuery,
    run: Type.Optional(Type.Enum(IMPORT_RUNS, { default: 'preview' })),
    action: Type.Optional(Type.Enum(IMPORT_ROW_ACTIONS)),
  },
  strict,
);
export type ImportRowsQuery = Static<typeof ImportRowsQuery>;

/** One row's outcome, as a preview or the import reported it. */
export const ImportRowOutcome = Type.Object({
  rowNumber: Type.Integer({ description: 'the line of the file the row starts on' }),
  action: Type.Enum(IMPORT_ROW_ACTIONS),
  recordId: Nullable(Uuid),
  /** What the row names the record by: an email, a company, an id from the old system. */
  label: Type.String(),
  reason: Nullable(Type.String({ description: 'why it was refused, or what else it made (a new account)' })),
  changedFields: Type.Array(Type.String()),
});
export type ImportRowOutcome = Static<typeof ImportRowOutcome>;

export const ImportRowPage = Type.Object({
  items: Type.Array(ImportRowOutcome),
  nextCursor: Nullable(Type.String()),
});
export type ImportRowPage = Static<typeof ImportRowPage>;
