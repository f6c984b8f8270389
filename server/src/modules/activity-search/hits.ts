import type { Knex } from 'knex';
import { highlightAll, highlightedSnippet, type ActivityHit, type ParsedSearch } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { userNames, userRef } from '../users/index.js';
import { hitRows } from './search-repository.js';

/** The activities as hits, in the order of `ids`, with their matches marked. */
export async function hits(
  db: Knex,
  actor: Actor,
  ids: readonly string[],
  parsed: ParsedSearch,
): Promise<ActivityHit[]> {
  const rows = new Map((await hitRows(db, actor, ids)).map((row) => [row.id, row]));
  const names = await userNames(db, actor.orgId);
  return ids.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        type: row.type,
        subject: highlightAll(row.subject, parsed.highlight),
        snippet: highlightedSnippet(row.body ?? '', parsed.highlight),
        occurredAt: row.occurredAt.toISOString(),
        from: row.fromEmail === null ? null : { email: row.fromEmail, name: row.fromName },
        owner: userRef(names, row.ownerId),
        private: row.private,
        attachments: (row.attachments ?? []).map((attachment) => attachment.name),
        links: row.links.map((link) => ({ type: link.type, id: link.id, name: link.name ?? '' })),
      },
    ];
  });
}
