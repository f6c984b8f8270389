import type { Db } from '../../db/types.js';

export interface ThrottleWindow {
  bucket: string;
  windowSeconds: number;
}

/**
 * Counts one attempt in each bucket, in one statement: a bucket whose window has passed starts a
 * new one at `now` (so windows start at a bucket's first attempt, not on the clock's minute).
 * Answers each bucket's count and the end of its window. Expired buckets are swept on the way.
 */
export async function countAttempt(
  db: Db,
  windows: readonly ThrottleWindow[],
  now: Date,
): Promise<{ bucket: string; attempts: number; expiresAt: Date }[]> {
  await db('login_throttle').where('expires_at', '<', now).delete();
  const values = windows.map(() => '(?, ?::timestamptz, ?::timestamptz, 1)').join(', ');
  const bindings = windows.flatMap(({ bucket, windowSeconds }) => [
    bucket,
    now,
    new Date(now.getTime() + windowSeconds * 1000),
  ]);
  const result = await db.raw<{ rows: { bucket: string; attempts: number; expires_at: Date }[] }>(
    `INSERT INTO login_throttle AS t (bucket, window_start, expires_at, attempts) VALUES ${values}
     ON CONFLICT (bucket) DO UPDATE SET
       attempts = CASE WHEN t.expires_at <= excluded.window_start THEN 1 ELSE t.attempts + 1 END,
       window_start = CASE WHEN t.expires_at <= excluded.window_start THEN excluded.window_start ELSE t.window_start END,
       expires_at = CASE WHEN t.expires_at <= excluded.window_start THEN excluded.expires_at ELSE t.expires_at END
     RETURNING bucket, attempts, expires_at`,
    bindings,
  );
  return result.rows.map((row) => ({
    bucket: row.bucket,
    attempts: row.attempts,
    expiresAt: row.expires_at,
  }));
}

/** Takes back one attempt from these buckets' running windows (a sign-in that succeeded). */
export async function refundAttempt(db: Db, windows: readonly ThrottleWindow[], now: Date): Promise<void> {
  await db('login_throttle')
    .whereIn(
      'bucket',
      windows.map((window) => window.bucket),
    )
    .where('expires_at', '>', now)
    .where('attempts', '>', 0)
    .decrement('attempts', 1);
}
