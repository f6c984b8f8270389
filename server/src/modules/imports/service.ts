import type { Import, ImportRowOutcome, ImportRowsQuery, PageOf } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { found, mayImport, view } from './import-view.js';
import * as imports from './repository.js';
import { pageOutcomes } from './rows-repository.js';

export async function getImport(db: Db, actor: Actor, id: string): Promise<Import> {
  mayImport(actor);
  return view(db, await found(db, actor, id));
}

export async function listImports(
  db: Db,
  actor: Actor,
  page: { cursor?: string; limit?: number },
): Promise<PageOf<Import>> {
  mayImport(actor);
  const rows = await imports.listImports(db, actor.orgId, page);
  return { items: await Promise.all(rows.items.map((row) => view(db, row))), nextCursor: rows.nextCursor };
}

/** Each row's outcome of a run, in file order. */
export async function importRows(
  db: Db,
  actor: Actor,
  id: string,
  query: ImportRowsQuery,
): Promise<PageOf<ImportRowOutcome>> {
  mayImport(actor);
  await found(db, actor, id);
  return pageOutcomes(db, actor.orgId, id, query);
}
