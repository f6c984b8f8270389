import type { ReportRange } from '@inbox-crm/shared';
import type { ReportScope } from './scope.js';

/** The range a report answers with: its period (if it has one), zone and people. */
export function rangeOf(
  scope: ReportScope,
  period: { from: string | null; to: string | null } | null,
): ReportRange {
  return {
    from: period?.from ?? null,
    to: period?.to ?? null,
    timeZone: scope.timeZone,
    people: scope.kind,
  };
}
