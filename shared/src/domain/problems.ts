/**
 * What kind of failure a problem is. Each transport turns a kind into its own answer in one place:
 * an HTTP status (server/src/http/problem-status.ts), a Gmail card (addin-gmail's problem card), or
 * whether a job is tried again (server/src/jobs/job-runner.ts).
 */
export type ProblemKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'unprocessable'
  | 'too_many'
  | 'unavailable';

/**
 * Every code the server answers in `error` for a problem the caller can act on, with its kind;
 * a fault of ours is `internal` (500) and has no kind. Clients may rely on these codes.
 */
export const ERROR_CODES = {
  validation_failed: 'invalid',
  invalid_json: 'invalid',
  bad_request: 'invalid',
  unauthorized: 'unauthenticated',
  invalid_token: 'unauthenticated',
  invalid_credentials: 'unauthenticated',
  session_expired: 'unauthenticated',
  session_renewed: 'unauthenticated',
  user_inactive: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  stale_version: 'conflict',
  filed_privately: 'conflict',
  payload_too_large: 'too_large',
  attachment_too_large: 'too_large',
  attachment_storage_full: 'too_large',
  unsupported_media_type: 'unsupported',
  invalid_reference: 'unprocessable',
  invalid_value: 'unprocessable',
  invalid_manager: 'unprocessable',
  invalid_rule: 'unprocessable',
  free_mail_domain: 'unprocessable',
  never_file: 'unprocessable',
  filed_email: 'unprocessable',
  last_admin: 'unprocessable',
  no_pipeline: 'unprocessable',
  no_team: 'unprocessable',
  not_failed: 'unprocessable',
  record_closed: 'unprocessable',
  wrong_record_type: 'unprocessable',
  same_record: 'unprocessable',
  public_url_unusable: 'unprocessable',
  meeting_times: 'unprocessable',
  too_many_mailboxes: 'unprocessable',
  suppressed: 'unprocessable',
  import_state: 'unprocessable',
  invalid_mapping: 'unprocessable',
  unreadable_file: 'unprocessable',
  rate_limited: 'too_many',
  app_not_built: 'unavailable',
  gmail_not_configured: 'unavailable',
  report_timeout: 'unavailable',
} as const satisfies Record<string, ProblemKind>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * A failure the person asking caused or can act on, said in a sentence they can read (`message`),
 * with a code from ERROR_CODES and, where it helps, details (which field, which value). The server's
 * modules and the add-ons' handlers throw these; anything else is a fault on our side.
 */
export class DomainError extends Error {
  readonly kind: ProblemKind;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = ERROR_CODES[code];
  }
}
