import type { ErrorBody } from '../schemas/common.js';

/** Codes the client adds to the server's own, for failures that never reached an answer. */
export const CLIENT_ERROR_CODES = {
  unreachable: 'server_unreachable',
  badResponse: 'bad_response',
  /** A fault in the page itself, not in any answer. */
  client: 'client_error',
} as const;

/**
 * A failed call: the server's `{ error, message, details }` with its status, or status 0 with
 * `server_unreachable` when no answer came. `message` is a sentence a pane can show as it is.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when signing in again is the way forward (expired or revoked session). */
  get needsSignIn(): boolean {
    return this.status === 401;
  }

  /** True when retrying later may work: no answer, or the server was overloaded or failing. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  static fromBody(status: number, body: Partial<ErrorBody> | null): ApiError {
    return new ApiError(
      status,
      typeof body?.error === 'string' ? body.error : CLIENT_ERROR_CODES.badResponse,
      typeof body?.message === 'string' ? body.message : `The server answered ${status}.`,
      Array.isArray(body?.details) ? body.details : [],
    );
  }
}
