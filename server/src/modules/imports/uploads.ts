import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import {
  MAX_MAIL_IMPORT_BYTES,
  suggestMapping,
  type Import,
  type ImportSettings,
  type ImportUploadQuery,
  type MailImportUploadQuery,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { Unprocessable } from '../../errors.js';
import { savedColumnNames } from './column-names.js';
import { storeFile } from './file-store.js';
import { readHead, sniffFormat } from './file-head.js';
import { mayImport, view } from './import-view.js';
import * as imports from './repository.js';

const DEFAULT_SETTINGS: Omit<ImportSettings, 'encoding' | 'delimiter' | 'mapping'> = {
  headerRow: 1,
  dateFormat: 'iso',
  currency: 'USD',
  mode: 'upsert',
};

/** Makes the import's row, stores the file into it, and lets `read` settle it; nothing is kept when either fails. */
async function takeIn(
  knex: Knex,
  actor: Actor,
  row: Pick<imports.ImportRow, 'record_type' | 'file_name'> & Partial<Pick<imports.ImportRow, 'source'>>,
  store: (id: string) => Promise<void>,
): Promise<Import> {
  mayImport(actor);
  const id = newId();
  await imports.insertImport(knex, {
    ...row,
    org_id: actor.orgId,
    id,
    settings: { ...DEFAULT_SETTINGS, encoding: 'utf-8', delimiter: ',', mapping: {} },
    created_by: actor.userId,
  });
  try {
    await store(id);
  } catch (error) {
    await knex('imports').where({ org_id: actor.orgId, id }).delete();
    throw error;
  }
  return view(knex, (await imports.loadImport(knex, actor.orgId, id))!);
}

/** Takes a CSV file in: stores it, guesses how it is written, reads its columns and suggests a mapping. */
export function uploadImport(
  knex: Knex,
  actor: Actor,
  query: ImportUploadQuery,
  body: Readable,
): Promise<Import> {
  return takeIn(knex, actor, { record_type: query.recordType, file_name: query.fileName }, async (id) => {
    const { bytes, head } = await storeFile(knex, actor.orgId, id, body);
    const format = sniffFormat(head);
    const { columns, sample } = await readHead(head, format, 1);
    if (columns.length === 0) {
      throw new Unprocessable(
        'unreadable_file',
        'The file is empty or holds no columns: upload a CSV file with a header row.',
      );
    }
    const saved = await savedColumnNames(knex, actor.orgId, query.recordType);
    const settings = {
      ...DEFAULT_SETTINGS,
      ...format,
      mapping: suggestMapping(query.recordType, columns, saved),
    };
    await imports.updateImport(knex, actor.orgId, id, { file_bytes: bytes, settings, columns, sample });
  });
}

/** Takes a mailbox archive in (.mbox or .eml): stored as it comes, filed once started. */
export function uploadMailImport(
  knex: Knex,
  actor: Actor,
  query: MailImportUploadQuery,
  body: Readable,
): Promise<Import> {
  return takeIn(
    knex,
    actor,
    { source: 'mail', record_type: 'email', file_name: query.fileName },
    async (id) => {
      const { bytes } = await storeFile(knex, actor.orgId, id, body, MAX_MAIL_IMPORT_BYTES);
      if (bytes === 0)
        throw new Unprocessable('unreadable_file', 'The file is empty: upload an .mbox or .eml file.');
      await imports.updateImport(knex, actor.orgId, id, { file_bytes: bytes });
    },
  );
}
