import ipaddr from 'ipaddr.js';
import type { Db } from '../../db/types.js';
import { TooManyRequests } from '../../errors.js';
import { countAttempt, refundAttempt } from './login-throttle-repository.js';

interface LoginLimit {
  /** The bucket an attempt falls in. */
  bucket: string;
  max: number;
  windowSeconds: number;
  /** false: a successful sign-in is taken back, so only failures count against the limit. */
  countsSuccess: boolean;
}

// One client on IPv6 holds a whole /64, so that is what one client's failures are counted by.
function clientNetwork(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  return address.kind() === 'ipv6'
    ? `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`
    : address.toString();
}

// One IP trying many addresses (credential stuffing) is stopped by its failures, and is counted
// first, so a blocked IP writes nothing more. Guessing one address is slowed whatever IPs it comes
// from. Only failures count per IP, so an office behind one address signs in freely. The counters
// live in PostgreSQL, so they hold across every server instance.
const ipLimits = (ip: string): LoginLimit[] => [
  { bucket: `ip-failures:${clientNetwork(ip)}`, max: 50, windowSeconds: 900, countsSuccess: false },
];
const addressLimits = (address: string): LoginLimit[] => [
  { bucket: `address:${address}`, max: 10, windowSeconds: 60, countsSuccess: true },
  { bucket: `address-failures:${address}`, max: 30, windowSeconds: 3600, countsSuccess: false },
];

export interface LoginAttempt {
  /** The password was right: failure-only counters take this attempt back. */
  succeeded(): Promise<void>;
}

/** Counts an attempt in each limit's window; refuses with 429 when any is passed. */
async function count(db: Db, limits: readonly LoginLimit[], now: Date): Promise<void> {
  const maxOf = new Map(limits.map((limit) => [limit.bucket, limit.max]));
  const passed = (await countAttempt(db, limits, now)).filter((row) => row.attempts > maxOf.get(row.bucket)!);
  if (passed.length === 0) return;
  const until = Math.max(...passed.map((row) => row.expiresAt.getTime()));
  throw new TooManyRequests(
    'Too many sign-in attempts; wait a while and try again.',
    Math.ceil((until - now.getTime()) / 1000),
  );
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
  const limits = [...ipLimits(ip), ...addressLimits(address)];
  await count(db, ipLimits(ip), now);
  await count(db, addressLimits(address), now);
  return {
    succeeded: () =>
      refundAttempt(
        db,
        limits.filter((limit) => !limit.countsSuccess),
        now,
      ),
  };
}
