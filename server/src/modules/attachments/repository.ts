import type { Db } from '../../db/types.js';

/** Records that an email uses these contents (each once), so that they stay while it does. */
export async function referContents(
  trx: Db,
  orgId: string,
  activityId: string,
  digests: readonly Buffer[],
): Promise<void> {
  if (digests.length === 0) return;
  await trx('email_attachment_contents')
    .insert(digests.map((sha256) => ({ org_id: orgId, activity_id: activityId, sha256 })))
    .onConflict()
    .ignore();
}

/** Whether the email uses this content: a download names an email, never a bare digest. */
export async function usesContent(
  db: Db,
  orgId: string,
  activityId: string,
  sha256: Buffer,
): Promise<boolean> {
  const row = (await db('email_attachment_contents')
    .where({ org_id: orgId, activity_id: activityId, sha256 })
    .first('sha256')) as { sha256: Buffer } | undefined;
  return row !== undefined;
}

/** The bytes of attachment content the organisation keeps. */
export async function storedBytes(db: Db, orgId: string): Promise<number> {
  const { rows } = await db.raw<{ rows: { bytes: string | null }[] }>(
    'SELECT sum(size) AS bytes FROM attachment_contents WHERE org_id = ?',
    [orgId],
  );
  return Number(rows[0]?.bytes ?? 0);
}
