import type { Knex } from 'knex';
import { deferRowsIn, writeDeferredRows } from '../../db/deferred-rows.js';

/**
 * Where the chunks of an import that run side by side make the accounts their companies need: one
 * chunk at a time, each in a short transaction of its own that also notes the accounts in
 * `import_made_accounts` and commits before the chunk goes on. A chunk therefore never names an
 * account another chunk has made but not yet committed (which its foreign key could not see), and
 * two chunks never make the same company twice.
 */
export interface CompanyDesk {
  make<T>(
    work: (trx: Knex.Transaction, noteMade: (accountIds: readonly string[]) => Promise<void>) => Promise<T>,
  ): Promise<T>;
}

export function companyDesk(knex: Knex, orgId: string, importId: string): CompanyDesk {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    make(work) {
      const turn = queue.then(() =>
        knex.transaction(async (trx) => {
          deferRowsIn(trx);
          const result = await work(trx, async (accountIds) => {
            if (accountIds.length === 0) return;
            await trx('import_made_accounts').insert(
              accountIds.map((accountId) => ({ org_id: orgId, import_id: importId, account_id: accountId })),
            );
          });
          await writeDeferredRows(trx);
          return result;
        }),
      );
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

/** The accounts an import's company desk made. */
export async function madeAccountsOf(db: Knex, orgId: string, importId: string): Promise<string[]> {
  return (await db('import_made_accounts')
    .where({ org_id: orgId, import_id: importId })
    .pluck('account_id')) as string[];
}
