import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Knex } from 'knex';
import yazl from 'yazl';
import { tableRows } from './export-rows.js';
import { exportReadme } from './export-readme.js';
import { IMPORT_SHEETS, sheetLines } from './import-sheets.js';
import { filedMailMbox } from './mail-archive.js';
import type { ExportTable } from './export-tables.js';
import { csvValue, jsonValue } from './export-values.js';

async function* csvLines(trx: Knex.Transaction, orgId: string, table: ExportTable): AsyncGenerator<Buffer> {
  const names = table.columns.map((column) => column.name);
  yield Buffer.from(stringify([names]));
  for await (const rows of tableRows(trx, orgId, table)) {
    yield Buffer.from(stringify(rows.map((row) => names.map((name) => csvValue(row[name])))));
  }
}

async function* jsonLines(trx: Knex.Transaction, orgId: string, table: ExportTable): AsyncGenerator<Buffer> {
  for await (const rows of tableRows(trx, orgId, table)) {
    const lines = rows.map((row) =>
      JSON.stringify(
        Object.fromEntries(Object.entries(row).map(([name, value]) => [name, jsonValue(value)])),
      ),
    );
    yield Buffer.from(`${lines.join('\n')}\n`);
  }
}

/** One kept attachment's bytes, read when the ZIP reaches its file. */
async function* attachmentBytes(
  trx: Knex.Transaction,
  orgId: string,
  sha256: Buffer,
): AsyncGenerator<Buffer> {
  const row = (await trx('attachment_contents').where({ org_id: orgId, sha256 }).first('content')) as
    { content: Uint8Array } | undefined;
  if (row) yield Buffer.from(row.content);
}

/**
 * The organisation's data as a ZIP, written as it is read (never whole in memory): a README of the
 * columns, each table as CSV and as JSON Lines, and the attachment files. Everything is read in
 * the caller's transaction, which should see one snapshot.
 */
export async function exportZip(
  trx: Knex.Transaction,
  orgId: string,
  organisationName: string,
  tables: readonly ExportTable[],
): Promise<Readable> {
  const zip = new yazl.ZipFile();
  const now = new Date();
  zip.addBuffer(Buffer.from(exportReadme(organisationName, now, tables)), 'README.md', { mtime: now });
  for (const table of tables) {
    zip.addReadStream(Readable.from(csvLines(trx, orgId, table)), `${table.name}.csv`, { mtime: now });
    zip.addReadStream(Readable.from(jsonLines(trx, orgId, table)), `${table.name}.jsonl`, { mtime: now });
  }
  // The records again, as files the import takes back as they are, in the order to import them.
  for (const sheet of IMPORT_SHEETS) {
    zip.addReadStream(Readable.from(sheetLines(trx, orgId, sheet)), `import/${sheet.file}`, { mtime: now });
  }
  zip.addReadStream(
    Readable.from(filedMailMbox(trx, orgId)),
    `import/${IMPORT_SHEETS.length + 1}-mail.mbox`,
    {
      mtime: now,
    },
  );
  // Stored as they are: most attachments (PDF, images, Office files) are compressed already.
  const shas = (
    (await trx('attachment_contents')
      .where({ org_id: orgId })
      .orderBy('sha256')
      .pluck('sha256')) as Uint8Array[]
  ).map((sha) => Buffer.from(sha));
  for (const sha256 of shas) {
    zip.addReadStream(
      Readable.from(attachmentBytes(trx, orgId, sha256)),
      `attachments/${sha256.toString('hex')}`,
      {
        mtime: now,
        compress: false,
      },
    );
  }
  zip.end();
  return zip.outputStream as Readable;
}
