import type { ImportRowAction } from '@inbox-crm/shared';

/** What one row of a file came to, as the import keeps it. */
export interface RowOutcome {
  rowNumber: number;
  action: ImportRowAction;
  /** What the row names its record by: an address, a company, an id from the old system. */
  label: string;
  recordId: string | null;
  /** Why it was refused, or what else it made. */
  reason: string | null;
  changedFields: string[];
  /** The row as read, for the error file; only refused rows keep it. */
  cells: string[] | null;
  /** An update's fields before and after, so a revert can put back what nobody changed since. */
  previous: Record<string, unknown> | null;
  applied: Record<string, unknown> | null;
  createdAccountId: string | null;
}

/** A row refused for a reason the person importing can fix in the file. */
export class RowRefused extends Error {}

export const refused = (
  rowNumber: number,
  cells: string[] | null,
  label: string,
  reason: string,
): RowOutcome => ({
  rowNumber,
  action: 'refuse',
  label,
  recordId: null,
  reason,
  changedFields: [],
  cells,
  previous: null,
  applied: null,
  createdAccountId: null,
});

/** An outcome before it is placed in the file (its line, label and cells). */
export type Written = Omit<RowOutcome, 'rowNumber' | 'label' | 'cells'>;

const pick = (record: object, fields: readonly string[]) =>
  Object.fromEntries(fields.map((field) => [field, (record as Record<string, unknown>)[field] ?? null]));

export const createdOutcome = (made: { id: string; createdAccountId: string | null }): Written => ({
  action: 'create',
  recordId: made.id,
  reason: made.createdAccountId ? 'A new account was made for its company.' : null,
  changedFields: [],
  previous: null,
  applied: null,
  createdAccountId: made.createdAccountId,
});

export const unchangedOutcome = (recordId: string): Written => ({
  action: 'unchanged',
  recordId,
  reason: null,
  changedFields: [],
  previous: null,
  applied: null,
  createdAccountId: null,
});

/** An update's outcome: the fields it changed, as they were and as it left them, for a revert. */
export function updatedOutcome(
  before: { id: string },
  after: object,
  changed: readonly string[],
  createdAccountId: string | null,
): Written {
  return {
    action: 'update',
    recordId: before.id,
    reason: createdAccountId ? 'A new account was made for its company.' : null,
    changedFields: [...changed],
    previous: pick(before, changed),
    applied: pick(after, changed),
    createdAccountId,
  };
}
