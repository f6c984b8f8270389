import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@inbox-crm/shared';
import { DomainError, TooManyRequests } from '../errors.js';
import { PROBLEM_STATUS } from '../http/problem-status.js';

interface DatabaseError {
  code: string;
  constraint?: string;
  detail?: string;
}

// PostgreSQL's codes for what a client's input can cause; the services check these cases first,
// this is the net under them so that no client input ever becomes a 500.
const UNSTORABLE_CHARACTER = {
  error: 'validation_failed',
  message: 'A value holds a character that cannot be stored.',
} as const;
const DATABASE_ERRORS: Record<string, { error: ErrorCode; message: string }> = {
  '23505': { error: 'conflict', message: 'That value is already taken in your organisation.' },
  '23503': {
    error: 'invalid_reference',
    message: 'A referenced record does not exist in your organisation.',
  },
  '23514': { error: 'invalid_value', message: 'A value is outside what the field allows.' },
  '22P02': { error: 'validation_failed', message: 'A value has the wrong format.' },
  // Two writes met on the same rows at the same moment and one was stopped: sending it again works.
  '40P01': { error: 'conflict', message: 'Someone changed the same data at the same moment; try again.' },
  '40001': { error: 'conflict', message: 'Someone changed the same data at the same moment; try again.' },
  '22001': { error: 'validation_failed', message: 'A value is too long.' },
  '22003': { error: 'validation_failed', message: 'A number is out of range.' },
  '22007': { error: 'validation_failed', message: 'A date or time is not valid.' },
  '22008': { error: 'validation_failed', message: 'A date or time is out of range.' },
  '22009': { error: 'validation_failed', message: 'A time zone offset is out of range.' },
  // A NUL character or a byte sequence the database's encoding cannot hold (text, jsonb).
  '22021': UNSTORABLE_CHARACTER,
  '22P05': UNSTORABLE_CHARACTER,
};

function isDatabaseError(error: unknown): error is DatabaseError {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code in DATABASE_ERRORS;
}

const FASTIFY_CODES: Record<string, { error: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    error: 'payload_too_large',
    message: 'The request body is larger than allowed.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    error: 'unsupported_media_type',
    message: 'Send the body as application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { error: 'invalid_json', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { error: 'invalid_json', message: 'The body is not valid JSON.' },
};

function fromFastifyError(error: FastifyError): { status: number; body: ErrorBody } | null {
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    const details = error.validation.map((issue) => ({
      in: where,
      path: issue.instancePath === '' ? '/' : issue.instancePath,
      message: issue.message ?? 'is not valid',
      ...(issue.keyword === 'additionalProperties'
        ? { field: (issue.params as { additionalProperty?: string }).additionalProperty }
        : {}),
    }));
    const first = details[0];
    const message = first
      ? `The ${where} is not valid: ${first.path === '/' ? '' : `${first.path} `}${first.message}${'field' in first ? ` (${String(first.field)})` : ''}.`
      : `The ${where} is not valid.`;
    return { status: 400, body: { error: 'validation_failed', message, details } };
  }
  const known = FASTIFY_CODES[error.code];
  if (known) return { status: error.statusCode ?? 400, body: known };
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return { status: 400, body: { error: 'invalid_json', message: 'The body is not valid JSON.' } };
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = status === 429 ? 'rate_limited' : 'bad_request';
    return { status, body: { error: code, message: error.message } };
  }
  return null;
}

/** One error shape for every failure: `{ error, message, details? }`, 4xx for anything a client can cause. */
async function errorHandler(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const body: ErrorBody = { error: error.code, message: error.message };
      if (error.details) body.details = error.details;
      if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(PROBLEM_STATUS[error.kind]).send(body);
    }
    const mapped = fromFastifyError(error);
    if (mapped) return reply.status(mapped.status).send(mapped.body);
    if (isDatabaseError(error)) {
      const { code, constraint } = error as unknown as DatabaseError;
      const known = DATABASE_ERRORS[code]!;
      request.log.info({ code, constraint }, 'database refused a write');
      return reply.status(PROBLEM_STATUS[ERROR_CODES[known.error]]).send(known);
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: 'internal', message: 'Something went wrong on our side.' });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: 'not_found', message: `There is no ${request.method} ${request.url.split('?')[0]}.` }),
  );
}

export default fp(errorHandler, { name: 'error-handler' });
