/** A value as JSON Lines hold it: times in ISO 8601, binary (digests) in hex, the rest as read. */
// The embedded database answers binary as a Uint8Array, PostgreSQL's driver as a Buffer.
export function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return value;
}

/** A value as a CSV cell holds it: JSON for arrays and objects, empty for null. */
export function csvValue(value: unknown): string | number | boolean | null {
  const plain = jsonValue(value);
  if (plain === null || plain === undefined) return null;
  if (typeof plain === 'object') return JSON.stringify(plain);
  return plain as string | number | boolean;
}
