import type { Knex } from 'knex';
import { DomainError } from '../../errors.js';

/** How long one report may run before it is stopped, so that reports cannot hold the database from the sender view. */
export const REPORT_TIMEOUT_MS = 10_000;

const REPORT_WORK_MEM = '64MB';
const QUERY_CANCELED = '57014';

/**
 * Runs a report's statements in one transaction (one consistent snapshot) on the reports database,
 * under a statement timeout. Reports are long analytical queries: they are planned for their
 * values, not with the generic plans the hot path's sessions force.
 */
export async function runReport<T>(db: Knex, report: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (trx) => {
      await trx.raw(`SET LOCAL statement_timeout = ${REPORT_TIMEOUT_MS}`);
      await trx.raw('SET LOCAL plan_cache_mode = auto');
      // Their sorts and medians over a year of deals outgrow the default 4 MB and would spill to
      // disk; the reports pool's few connections bound what this can take.
      await trx.raw(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
      return report(trx);
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === QUERY_CANCELED) {
      throw new DomainError(
        'report_timeout',
        'This report took too long and was stopped; narrow it to a shorter period, a team or a person.',
      );
    }
    throw error;
  }
}
