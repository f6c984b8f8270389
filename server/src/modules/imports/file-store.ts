import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { MAX_IMPORT_BYTES } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { DomainError } from '../../errors.js';

// An uploaded file lives in the database in pieces of this size: never whole in memory, and read
// back a piece at a time by whichever worker runs the import.
const CHUNK_BYTES = 1024 * 1024;

/** Stores what the stream carries as the import's file; answers its size and first bytes. */
export async function storeFile(
  knex: Knex,
  orgId: string,
  importId: string,
  body: Readable,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<{ bytes: number; head: Uint8Array }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let seq = 0;
  let head: Uint8Array | null = null;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    head ??= bytes.subarray(0, 64 * 1024);
    await knex('import_file_chunks').insert({ org_id: orgId, import_id: importId, seq: seq++, bytes });
    pending = [];
    pendingBytes = 0;
  };
  for await (const piece of body as AsyncIterable<Buffer>) {
    total += piece.length;
    if (total > maxBytes) {
      body.destroy();
      throw new DomainError(
        'payload_too_large',
        `The file is larger than ${maxBytes / 1024 / 1024} MB: split it, or import it with the command line.`,
      );
    }
    pending.push(piece);
    pendingBytes += piece.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  return { bytes: total, head: head ?? new Uint8Array() };
}

/** The import's file, a piece at a time. */
export async function* fileBytes(db: Db, orgId: string, importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const row = (await db('import_file_chunks')
      .where({ org_id: orgId, import_id: importId, seq })
      .first('bytes')) as { bytes: Uint8Array } | undefined;
    if (!row) return;
    yield row.bytes;
  }
}

/** Drops the import's file once it is no longer needed: what was imported is kept in the records and outcomes. */
export async function forgetFile(db: Db, orgId: string, importId: string): Promise<void> {
  await db('import_file_chunks').where({ org_id: orgId, import_id: importId }).delete();
}

export async function hasFile(db: Db, orgId: string, importId: string): Promise<boolean> {
  return (
    (await db('import_file_chunks').where({ org_id: orgId, import_id: importId, seq: 0 }).first('seq')) !==
    undefined
  );
}
