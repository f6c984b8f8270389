type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

/** `?a=1&b=x&b=y` from an object; undefined and null are left out, arrays repeat the key. */
export function queryString(query: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
