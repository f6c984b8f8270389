import type { Knex } from 'knex';
import type { FiledEmail, FiledEmailsQuery, PageOf } from '@inbox-crm/shared';
import { requireRole, type Actor } from '../../actor.js';
import { decodeIdCursor, encodeCursor } from '../../db/cursor.js';
import { DEFAULT_PAGE_SIZE } from '../../db/pagination.js';
import { visibleActivities } from '../../db/visibility.js';
import { Unprocessable } from '../../errors.js';
import { listFiledEmails, type FiledEmailsFilter } from './filed-emails-repository.js';

function filersFor(actor: Actor, scope: NonNullable<FiledEmailsQuery['scope']>): FiledEmailsFilter['filers'] {
  if (scope === 'mine') return { userId: actor.userId };
  if (scope === 'organisation') {
    requireRole(actor, 'admin');
    return 'everyone';
  }
  requireRole(actor, 'manager', 'admin');
  if (!actor.teamId) {
    throw new Unprocessable(
      'no_team',
      'You are in no team, so there is no team correspondence; an admin can add you to one.',
    );
  }
  return { teamId: actor.teamId };
}

/**
 * Correspondence filed by the caller, by their team (managers and admins) or by anyone (admins),
 * newest first, as far as the caller may see each email.
 */
export async function filedEmails(
  db: Knex,
  actor: Actor,
  query: FiledEmailsQuery,
): Promise<PageOf<FiledEmail>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const rows = await listFiledEmails(db, {
    orgId: actor.orgId,
    filers: filersFor(actor, query.scope ?? 'mine'),
    visible: visibleActivities(actor, 'a'),
    beforeId: query.cursor ? decodeIdCursor(query.cursor) : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}
