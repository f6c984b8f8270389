import type { Db } from '../../db/types.js';

/**
 * Where attachment content lives, by organisation and SHA-256. The one store today keeps it in
 * PostgreSQL (so the embedded database needs nothing more); an S3-compatible store would keep the
 * bytes in a bucket under the same key and still record each content in `attachment_contents`
 * (without its bytes), since references, quotas and releases are counted there.
 */
export interface ContentStore {
  /** Keeps the content unless the organisation has it already; in the filing's transaction. */
  keep(trx: Db, orgId: string, content: { sha256: Buffer; bytes: Buffer }): Promise<void>;
  /** The content, or null when it is not kept (released, or never stored). */
  read(db: Db, orgId: string, sha256: Buffer): Promise<Buffer | null>;
}

export const postgresContentStore: ContentStore = {
  async keep(trx, orgId, { sha256, bytes }) {
    await trx.raw(
      // An update of the row it finds locks it, so a release of that content (its last email
      // deleted at this moment) waits for this filing and then keeps it.
      `INSERT INTO attachment_contents (org_id, sha256, size, content) VALUES (?, ?, ?, ?)
       ON CONFLICT (org_id, sha256) DO UPDATE SET sha256 = EXCLUDED.sha256`,
      [orgId, sha256, bytes.length, bytes],
    );
  },
  async read(db, orgId, sha256) {
    const row = (await db('attachment_contents').where({ org_id: orgId, sha256 }).first('content')) as
      { content: Buffer } | undefined;
    return row?.content ?? null;
  },
};
