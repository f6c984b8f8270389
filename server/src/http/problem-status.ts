import type { ProblemKind } from '@inbox-crm/shared';

/** The HTTP status of each kind of problem: the one place the API maps domain errors to HTTP. */
export const PROBLEM_STATUS: Record<ProblemKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
};
