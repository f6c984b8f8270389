import { randomUUID } from 'node:crypto';

// JSON.parse copies each string value into a string of its own. For an attachment's megabyte of
// base64 that copy cost 6 ms a request here, most of it faulting in fresh memory, and the text is
// already in the body. So a long `content` value made only of base64 characters is cut out of the
// body before it is parsed and read back straight from the body's bytes; those bytes are what
// JSON.parse would have given (no quote, backslash, control or non-ASCII character among them),
// and the body's quotes are where they were, so the text parses, or fails, exactly as before.

/** Values shorter than this are parsed as usual: the copy only costs on large ones. */
export const LONG_VALUE_BYTES = 64 * 1024;

const KEY = Buffer.from('"content":"');
const QUOTE = 0x22;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

export interface CutBody {
  /** The body with each long value replaced by a marker no client can write. */
  body: Buffer;
  /** The long values by their markers. */
  values: Map<string, string>;
}

/** The body with its long base64 `content` values cut out (none for a body without any). */
export function cutLongBase64Values(body: Buffer): CutBody {
  const values = new Map<string, string>();
  if (body.length < LONG_VALUE_BYTES) return { body, values };
  const nonce = randomUUID();
  const parts: Buffer[] = [];
  let kept = 0;
  for (let key = body.indexOf(KEY); key !== -1;) {
    const start = key + KEY.length;
    const end = body.indexOf(QUOTE, start);
    if (end === -1) break;
    const value = end - start >= LONG_VALUE_BYTES ? body.toString('latin1', start, end) : null;
    if (value !== null && !NOT_BASE64.test(value)) {
      const marker = `${nonce}:${values.size}`;
      values.set(marker, value);
      parts.push(body.subarray(kept, start), Buffer.from(marker));
      kept = end;
    }
    key = body.indexOf(KEY, end);
  }
  if (values.size === 0) return { body, values };
  parts.push(body.subarray(kept));
  return { body: Buffer.concat(parts), values };
}

/** A parsed object or array, whose members are put back by name or index. */
type Container = Record<string | number, unknown>;

/**
 * Puts the cut values back where their markers are in the parsed body, walking it until the last
 * one is back (arrays by index: a body may hold millions of elements).
 */
export function restoreLongValues(parsed: unknown, values: ReadonlyMap<string, string>): void {
  let left = values.size;
  const pending: unknown[] = [parsed];
  const restore = (node: Container, at: string | number) => {
    const child = node[at];
    if (typeof child === 'string') {
      const value = values.get(child);
      if (value === undefined) return;
      node[at] = value;
      left -= 1;
    } else if (child !== null && typeof child === 'object') {
      pending.push(child);
    }
  };
  while (left > 0 && pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) restore(node as unknown as Container, index);
    } else if (node !== null && typeof node === 'object') {
      for (const name in node) restore(node as Container, name);
    }
  }
}
