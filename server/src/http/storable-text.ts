// PostgreSQL's text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8 form.
// Real mail carries both now and then; they are meaningless in a CRM, so text is cleaned on its way in.

/** The text as PostgreSQL can store it: NUL characters removed, lone surrogates made U+FFFD. */
export function storableString(text: string): string {
  return text.replaceAll('\u0000', '').toWellFormed();
}

/** A parsed JSON value with every string in it, keys included, made storable. */
export function storableText<T>(value: T): T {
  if (typeof value === 'string') return storableString(value) as T;
  if (Array.isArray(value)) return value.map(storableText) as T;
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own properties, so even a "__proto__" key stays data and never a prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [storableString(key), storableText(item)]),
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
