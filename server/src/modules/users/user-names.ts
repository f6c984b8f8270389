import type { UserRef } from '@inbox-crm/shared';
import { OrganisationCache } from '../../cache/organisation-cache.js';
import type { Db } from '../../db/types.js';

// The sender view names owners and assignees on every call; an organisation has few users and
// renames them rarely, so names come from here rather than a lookup per row.
const cache = new OrganisationCache<ReadonlyMap<string, string>>(30_000);

/** The names of an organisation's users, by id. */
export function userNames(db: Db, orgId: string): Promise<ReadonlyMap<string, string>> {
  return cache.get(orgId, async () => {
    const rows = (await db('users').where({ org_id: orgId }).select('id', 'name')) as {
      id: string;
      name: string;
    }[];
    return new Map(rows.map((row) => [row.id, row.name]));
  });
}

export function forgetUserNames(orgId: string): void {
  cache.forget(orgId);
}

/** `{ id, name }` for a user id, or null. */
export function userRef(names: ReadonlyMap<string, string>, id: string | null): UserRef | null {
  return id === null ? null : { id, name: names.get(id) ?? '' };
}
