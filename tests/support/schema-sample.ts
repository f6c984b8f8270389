/** The subset of JSON Schema our OpenAPI document uses for request bodies. */
export interface JsonSchema {
  type?: string;
  format?: string;
  default?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  nullable?: boolean;
}

/** Picks a real id for a uuid field by its property name (accountId, links[].id, …). */
export type IdFor = (propertyName: string, siblings: Record<string, unknown>) => string;

function sampleString(schema: JsonSchema, name: string, siblings: Record<string, unknown>, idFor: IdFor) {
  switch (schema.format) {
    case 'email':
      return `fuzz.${Math.random().toString(36).slice(2, 8)}@fuzz.example`;
    case 'uuid':
      return idFor(name, siblings);
    case 'date-time':
      return '2026-12-01T09:00:00.000Z';
    case 'date':
      return '2026-12-01';
    case 'uri':
      return 'https://hooks.fuzz.example/in';
    case 'byte':
      // OpenAPI's name for base64 content (a file's).
      return Buffer.from(`fuzz ${name}`).toString('base64');
  }
  if (/zone/i.test(name)) return 'Europe/London';
  if (/currency/i.test(name)) return 'EUR';
  if (/colou?r/i.test(name)) return '#3366ff';
  if (/url/i.test(name)) return 'https://hooks.fuzz.example/in';
  if (/password/i.test(name)) return 'a long enough password';
  const text = `fuzz ${name || 'text'}`;
  return text.slice(0, schema.maxLength ?? text.length).padEnd(schema.minLength ?? 0, 'x');
}

/**
 * A body that satisfies `schema` as far as a schema can say: required properties, formats, enums,
 * the first alternative of an anyOf. Optional properties are included too, so that every text
 * field of a route has a value the fuzzer can make hostile.
 */
export function sampleOf(
  schema: JsonSchema,
  idFor: IdFor,
  name = '',
  siblings: Record<string, unknown> = {},
): unknown {
  if (schema.enum) return schema.enum.find((value) => value !== null) ?? null;
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative) return sampleOf(alternative[0]!, idFor, name, siblings);
  switch (schema.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      const properties = Object.entries(schema.properties ?? {});
      // Enums first, so an id can depend on a sibling `type` (links: { type, id }).
      properties.sort(([, a], [, b]) => Number(Boolean(b.enum)) - Number(Boolean(a.enum)));
      for (const [key, property] of properties) object[key] = sampleOf(property, idFor, key, object);
      return object;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sampleOf(schema.items ?? {}, idFor, name, siblings),
      );
    case 'string':
      return sampleString(schema, name, siblings, idFor);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return typeof schema.default === 'boolean' ? schema.default : true;
    default:
      return null;
  }
}

/** Every path to a string inside `value`, as a list of keys and indexes. */
export function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...at, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...at, key]));
  }
  return [];
}

/** A deep copy of `value` with the string at `path` passed through `change`. */
export function withStringAt(
  value: unknown,
  path: (string | number)[],
  change: (text: string) => string,
): unknown {
  if (path.length === 0) return change(value as string);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = withStringAt(copy[head!], rest, change);
  return copy;
}
