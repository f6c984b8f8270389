/** A failure a client caused or can act on; the error handler turns it into `{ error, message, details? }`. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }
}

export class ValidationFailed extends AppError {
  constructor(message: string, details?: unknown[]) {
    super(400, 'validation_failed', message, details);
  }
}

export class Unauthorized extends AppError {
  constructor(message = 'Sign in first: this needs a valid access token.', code = 'unauthorized') {
    super(401, code, message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'Your role does not allow this.') {
    super(403, 'forbidden', message);
  }
}

export class NotFound extends AppError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found.`);
  }
}

export class Conflict extends AppError {
  constructor(message: string, details?: unknown[]) {
    super(409, 'conflict', message, details);
  }
}

/** A stale `version`: someone else changed the record since the client read it. */
export class StaleVersion extends AppError {
  constructor(what: string, currentVersion: number) {
    super(409, 'stale_version', `${what} was changed by someone else; reload it and try again.`, [
      { currentVersion },
    ]);
  }
}

export class Unprocessable extends AppError {
  constructor(code: string, message: string, details?: unknown[]) {
    super(422, code, message, details);
  }
}

/** Too many attempts; the client may try again after `retryAfterSeconds` (sent as Retry-After). */
export class TooManyRequests extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', message);
  }
}
