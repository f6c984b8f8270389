import { pino } from 'pino';

/** At most this many bytes wait for one write; whatever has come is written after FLUSH_EVERY_MS. */
const GATHER_BYTES = 4096;
const FLUSH_EVERY_MS = 1000;

/**
 * Where the server's log lines go (a file descriptor, or a file's path): gathered into writes of
 * 4 KB, or each second whatever has come, by a background buffer. Under load, a write per request's
 * line cost more than the rest of the request's logging; a quiet server's line is out within a
 * second. pino writes what is left when the process exits.
 */
export function logDestination(dest: number | string): ReturnType<typeof pino.destination> {
  return pino.destination({ dest, sync: false, minLength: GATHER_BYTES, periodicFlush: FLUSH_EVERY_MS });
}
