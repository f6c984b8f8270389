import fastJson, { type AnySchema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';

type SchemaObject = Record<string, unknown>;

const isSchemaObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one JSON type all these values have (a union's constants, an enum's values), else null. */
function typeOfAll(values: readonly unknown[]): string | null {
  const types = new Set(values.map((value) => typeof value));
  const [type] = types;
  return types.size === 1 && (type === 'string' || type === 'number' || type === 'boolean') ? type : null;
}

/** A union's plain form: an enum for constants, the other branch `nullable` for a union with null; else null. */
function withoutUnion(union: SchemaObject, options: readonly unknown[]): SchemaObject | null {
  const { anyOf: _, ...siblings } = union;
  const constants = options.map((option) => (isSchemaObject(option) ? option.const : undefined));
  const constantsType = constants.includes(undefined) ? null : typeOfAll(constants);
  if (constantsType !== null) return { ...siblings, type: constantsType, enum: constants };
  const others = options.filter((option) => !(isSchemaObject(option) && option.type === 'null'));
  const [other] = others;
  if (options.length !== 2 || others.length !== 1 || !isSchemaObject(other)) return null;
  const otherType =
    typeof other.type === 'string' ? other.type : Array.isArray(other.enum) ? typeOfAll(other.enum) : null;
  return otherType === null ? null : { ...siblings, ...other, type: otherType, nullable: true };
}

/**
 * A response schema as fast-json-stringify writes it fastest, for the same JSON: a union with null
 * becomes its other branch marked `nullable`, and a union of one type's constants that type with an
 * enum. fast-json-stringify picks a union's branch by validating the value with ajv, on every value
 * it writes (the sender view has 57 unions, most of them in each timeline entry), and that was most
 * of its time; these two forms are plain checks. Other unions stay as they are. Only the serializer
 * sees this form: validation and the API's description keep the schema as written.
 */
export function serializationSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(serializationSchema);
  if (!isSchemaObject(schema)) return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, serializationSchema(value)]),
  );
  return Array.isArray(copy.anyOf) ? (withoutUnion(copy, copy.anyOf) ?? copy) : copy;
}

/** Fastify's own serializer (fast-json-stringify), given each response schema's plain form. */
export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) =>
  fastJson(serializationSchema(schema) as AnySchema);
