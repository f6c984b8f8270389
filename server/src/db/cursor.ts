import { ValidationFailed } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursors are opaque to clients: base64url of the key of the last row they saw. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

function decode(cursor: string): string[] {
  return Buffer.from(cursor, 'base64url').toString('utf8').split('|');
}

function badCursor(): ValidationFailed {
  return new ValidationFailed('The cursor is not valid: pass nextCursor from the previous page unchanged.', [
    { in: 'querystring', path: '/cursor', message: 'is not a cursor this API issued' },
  ]);
}

/** The id a list cursor names (lists run newest first by their UUIDv7 ids). */
export function decodeIdCursor(cursor: string): string {
  const [id, ...rest] = decode(cursor);
  if (id === undefined || rest.length > 0 || !UUID.test(id)) throw badCursor();
  return id;
}

/** The position a cursor of a list ordered by a count (a row of a file) names. */
export function decodeNumberCursor(cursor: string): number {
  const [value, ...rest] = decode(cursor);
  const position = Number(value);
  if (rest.length > 0 || !Number.isSafeInteger(position) || position < 0) throw badCursor();
  return position;
}

/** The (time, id) pair a timeline cursor names. */
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [at, id, ...rest] = decode(cursor);
  const time = new Date(at ?? '');
  const year = time.getUTCFullYear();
  // Both databases read years 1 to 9999 alike; a cursor past them was not one we issued.
  if (id === undefined || rest.length > 0 || !UUID.test(id) || !(year >= 1 && year <= 9999))
    throw badCursor();
  return { at: time, id };
}

/** A cursor of a list ordered by a score: `score` marks it, so a time cursor is never taken for one. */
export function encodeScoreCursor(score: number, id: string): string {
  return encodeCursor(['score', String(score), id]);
}

/** The (score, id) pair a score cursor names. */
export function decodeScoreCursor(cursor: string): { score: number; id: string } {
  const [marker, score, id, ...rest] = decode(cursor);
  const value = Number(score);
  if (marker !== 'score' || id === undefined || rest.length > 0 || !UUID.test(id) || !Number.isFinite(value))
    throw badCursor();
  return { score: value, id };
}
