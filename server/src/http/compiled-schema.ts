import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

const validators = new WeakMap<TSchema, Validator>();

/**
 * The schema's check compiled once, for input that does not come through a route (which Fastify
 * checks with its own compiled validator): import rows, the Gmail add-on's requests.
 */
export function compiledSchema(schema: TSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  return validator;
}
