import type { Db } from '../../db/types.js';
import { TooManyRequests } from '../../errors.js';
import { countAttempt, refundAttempt } from './login-throttle-repository.js';

interface LoginLimit {
  /** The bucket an attempt falls in, by the normalised address and the client's IP. */
  bucket(address: string, ip: string): string;
  max: number;
  windowSeconds: number;
  /** false: a successful sign-in is taken back, so only failures count against the limit. */
  countsSuccess: boolean;
}

// Guessing one address is slowed whatever IPs it comes from; one IP trying many addresses (credential
// stuffing) is stopped by its failures. The counters live in PostgreSQL, so they hold across every
// server instance. Only failures count per IP, so an office behind one address signs in freely.
const LOGIN_LIMITS: readonly LoginLimit[] = [
  { bucket: (address) => `address:${address}`, max: 10, windowSeconds: 60, countsSuccess: true },
  { bucket: (address) => `address-failures:${address}`, max: 30, windowSeconds: 3600, countsSuccess: false },
  { bucket: (_, ip) => `ip-failures:${ip}`, max: 50, windowSeconds: 900, countsSuccess: false },
];

export interface LoginAttempt {
  /** The password was right: failure-only counters take this attempt back. */
  succeeded(): Promise<void>;
}

/**
 * Counts a sign-in attempt before the password is checked (so parallel guesses cannot slip past
 * the limit) and refuses it with 429 when any limit is passed.
 */
export async function takeLoginAttempt(
  db: Db,
  address: string,
  ip: string,
  now = new Date(),
): Promise<LoginAttempt> {
  const windows = LOGIN_LIMITS.map((limit) => ({ ...limit, bucket: limit.bucket(address, ip) }));
  const maxOf = new Map(windows.map((window) => [window.bucket, window.max]));
  const counted = await countAttempt(db, windows, now);
  const passed = counted.filter((row) => row.attempts > maxOf.get(row.bucket)!);
  if (passed.length > 0) {
    const until = Math.max(...passed.map((row) => row.expiresAt.getTime()));
    throw new TooManyRequests(
      'Too many sign-in attempts; wait a while and try again.',
      Math.ceil((until - now.getTime()) / 1000),
    );
  }
  return {
    succeeded: () =>
      refundAttempt(
        db,
        windows.filter((window) => !window.countsSuccess),
        now,
      ),
  };
}
