import type { Db } from '../../db/types.js';

export interface ThrottleWindow {
  bucket: string;
  windowSeconds: number;
}

/**
 * Counts one attempt in each bucket's current fixed window (creating it), in one statement, and
 * answers each window's count and end. Expired windows are swept on the way.
 */
export async function countAttempt(
  db: Db,
  windows: readonly ThrottleWindow[],
  now: Date,
): Promise<{ bucket: string; attempts: number; expiresAt: Date }[]> {
  await db('login_throttle').where('expires_at', '<', now).delete();
  const rows = windows.map(({ bucket, windowSeconds }) => {
    const length = windowSeconds * 1000;
    const start = Math.floor(now.getTime() / length) * length;
    return {
      bucket,
      window_start: new Date(start),
      expires_at: new Date(start + length),
      attempts: 1,
    };
  });
  const counted = (await db('login_throttle')
    .insert(rows)
    .onConflict(['bucket', 'window_start'])
    .merge({ attempts: db.raw('login_throttle.attempts + 1') })
    .returning(['bucket', 'attempts', 'expires_at'])) as {
    bucket: string;
    attempts: number;
    expires_at: Date;
  }[];
  return counted.map((row) => ({ bucket: row.bucket, attempts: row.attempts, expiresAt: row.expires_at }));
}

/** Takes back one attempt from these buckets' current windows (a sign-in that succeeded). */
export async function refundAttempt(db: Db, windows: readonly ThrottleWindow[], now: Date): Promise<void> {
  for (const { bucket, windowSeconds } of windows) {
    const length = windowSeconds * 1000;
    await db('login_throttle')
      .where({ bucket, window_start: new Date(Math.floor(now.getTime() / length) * length) })
      .where('attempts', '>', 0)
      .decrement('attempts', 1);
  }
}
