import { DomainError, type ERROR_CODES, type ErrorCode } from '@inbox-crm/shared';

// The server's domain errors: DomainError (from shared, so the add-ons throw the same) with a
// constructor for each common case. Transports map them by kind: HTTP in http/problem-status.ts,
// the Gmail card in addin-gmail, jobs in jobs/job-runner.ts.
export { DomainError };

export class ValidationFailed extends DomainError {
  constructor(message: string, details?: unknown[]) {
    super('validation_failed', message, details);
  }
}

export class Unauthorized extends DomainError {
  constructor(
    message = 'Sign in first: this needs a valid access token.',
    code: Extract<
      ErrorCode,
      | 'unauthorized'
      | 'invalid_token'
      | 'invalid_credentials'
      | 'session_expired'
      | 'session_renewed'
      | 'user_inactive'
    > = 'unauthorized',
  ) {
    super(code, message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'Your role does not allow this.') {
    super('forbidden', message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found.`);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, details?: unknown[]) {
    super('conflict', message, details);
  }
}

/**
 * A stale `version`: someone else changed the record since the client read it. `changedBy` names
 * them ("Maria Chen", "a workflow rule") when known.
 */
export class StaleVersion extends DomainError {
  constructor(what: string, currentVersion: number, changedBy?: string) {
    super(
      'stale_version',
      changedBy
        ? `${what} was changed by ${changedBy} since you opened it; reload it to see the changes, then make yours again.`
        : `${what} was changed by someone else; reload it and try again.`,
      [{ currentVersion, ...(changedBy ? { changedBy } : {}) }],
    );
  }
}

/** The codes of requests that are well formed but cannot be done as asked (422). */
type UnprocessableCode = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C] extends 'unprocessable' ? C : never;
}[ErrorCode];

/** A request that is well formed but cannot be done as asked; `code` says why. */
export class Unprocessable extends DomainError {
  constructor(code: UnprocessableCode, message: string, details?: unknown[]) {
    super(code, message, details);
  }
}

/** Too many attempts; the client may try again after `retryAfterSeconds` (sent as Retry-After). */
export class TooManyRequests extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}
