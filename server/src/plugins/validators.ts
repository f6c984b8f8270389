import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function ajv(options: Options): Ajv {
  const instance = new Ajv({ removeAdditional: false, useDefaults: true, allErrors: false, ...options });
  addFormats.default(instance);
  return instance;
}

// Query strings and path parameters arrive as text, so they are coerced ("25" → 25, one `type=`
// → ['call']). JSON bodies are typed already: `{ "name": 42 }` is refused, never turned into "42".
const coercing = ajv({ coerceTypes: 'array' });
const exact = ajv({ coerceTypes: false });

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? exact : coercing).compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
