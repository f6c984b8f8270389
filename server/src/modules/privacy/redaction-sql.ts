import { ERASED_TEXT } from './redaction.js';

// SQL for taking a person's words out of text. Statements using these bind by name: `:pattern` is
// the person's terms pattern (close or wide, see redaction.ts), used case-insensitively.

export const redacted = (column: string) => `regexp_replace(${column}, :pattern, '${ERASED_TEXT}', 'gi')`;

/** A record someone may have open keeps its version check: a redaction is a change. */
export const CHANGED = 'version = version + 1, updated_at = now()';
