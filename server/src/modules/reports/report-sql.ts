import type { Knex } from 'knex';
import type { ReportScope } from './scope.js';

/** A piece of SQL and its bindings, in order. */
export interface Fragment {
  sql: string;
  bindings: Knex.RawBinding[];
}

/** Rows whose `column` (an owner, a filer) is one of the scope's people; every row for the whole organisation. */
export function ownedBy(scope: ReportScope, column: string): Fragment {
  return scope.people === null
    ? { sql: 'true', bindings: [] }
    : { sql: `${column} = ANY(?::uuid[])`, bindings: [scope.people] };
}

/** Rows of the scope's account, when it names one. */
export function ofAccount(scope: ReportScope, column: string): Fragment {
  return scope.accountId === null
    ? { sql: 'true', bindings: [] }
    : { sql: `${column} = ?`, bindings: [scope.accountId] };
}

/** Joins fragments with AND, keeping their bindings in order. */
export function allOf(...fragments: Fragment[]): Fragment {
  return {
    sql: fragments.map((fragment) => `(${fragment.sql})`).join(' AND '),
    bindings: fragments.flatMap((fragment) => fragment.bindings),
  };
}

/** A timestamp column's week (its Monday) or month in the report's zone, as a date. */
export const bucket = (unit: 'week' | 'month', column: string) =>
  `date_trunc('${unit}', ${column} AT TIME ZONE ?)::date`;

/** The median of an interval expression, in days or hours, to one decimal. */
export const median = (interval: string, unit: 'days' | 'hours') =>
  `round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${interval})) / ${
    unit === 'days' ? 86400 : 3600
  })::numeric, 1)::float8`;

/** A filter given once or several times (`status=open&status=won`), as a list; undefined when absent. */
export const asList = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];
