import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationFailed } from '../errors.js';
import { fieldWithNul, storableText } from '../http/storable-text.js';

function refuseNulIn(values: unknown, part: 'params' | 'querystring'): void {
  const field = fieldWithNul(values);
  if (field === null) return;
  throw new ValidationFailed(
    `The ${part} field ${field} contains a NUL character; remove it and try again.`,
    [{ in: part, path: `/${field}`, message: 'must not contain a NUL character' }],
  );
}

/**
 * Before any route validates its input: identifiers in the path and the query string (ids, a
 * Message-ID, an address, a search) are refused when they hold a NUL character, since cleaning
 * them would name something else; every string of a JSON body is made storable (see storableText),
 * because a real email may carry NUL bytes and must still be filed.
 */
async function textInput(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request) => {
    refuseNulIn(request.params, 'params');
    refuseNulIn(request.query, 'querystring');
    if (request.body !== undefined) request.body = storableText(request.body);
  });
}

export default fp(textInput, { name: 'text-input' });
