import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationFailed } from '../errors.js';
import { fieldWithNul, storableText } from '../http/storable-text.js';

function refuseNulIn(request: FastifyRequest, part: 'params' | 'querystring'): void {
  const field = fieldWithNul(part === 'params' ? request.params : request.query);
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
    refuseNulIn(request, 'params');
    refuseNulIn(request, 'querystring');
    if (request.body !== undefined) request.body = storableText(request.body);
  });
}

export default fp(textInput, { name: 'text-input' });
