import { ValidationFailed } from '../errors.js';

// PostgreSQL's text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8 form.
// Real mail carries both now and then; they are meaningless in a CRM, so text is cleaned on its way in.

/** The text as PostgreSQL can store it: NUL characters removed, lone surrogates made U+FFFD. */
export function storableString(text: string): string {
  return text.replaceAll('\u0000', '').toWellFormed();
}

// No request of ours nests a tenth as deep; a deeper body is refused before it can exhaust the stack.
const MAX_DEPTH = 64;

/** A parsed JSON value with every string in it, keys included, made storable. */
export function storableText<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return storableString(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) {
    throw new ValidationFailed(`The body nests deeper than ${MAX_DEPTH} levels.`, [
      { in: 'body', path: '/', message: `must not nest deeper than ${MAX_DEPTH} levels` },
    ]);
  }
  if (Array.isArray(value)) return value.map((item: unknown) => storableText(item, depth + 1)) as T;
  // fromEntries defines own properties, so even a "__proto__" key stays data and never a prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [storableString(key), storableText(item, depth + 1)]),
  ) as T;
}

/** The first text in a flat record of strings (a query string, path parameters) holding a NUL. */
export function fieldWithNul(values: unknown): string | null {
  if (values === null || typeof values !== 'object') return null;
  for (const [key, value] of Object.entries(values)) {
    const texts: unknown[] = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === 'string' && text.includes('\u0000'))) return key;
  }
  return null;
}
