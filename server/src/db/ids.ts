import { v7 } from 'uuid';

/** A new UUIDv7: time-ordered (index-friendly, sortable as a cursor), not guessable. */
export function newId(): string {
  return v7();
}
