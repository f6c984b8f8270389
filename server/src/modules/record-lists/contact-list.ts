import {
  CONSENT_STATES,
  type ConsentFilterState,
  type ConsentPurpose,
  type ConsentState,
  type ContactListRow,
  type ContactListViewQuery,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { whereSearchMatches } from '../../db/search.js';
import { CONTACT_SORT_NAME, splitContactSearch } from './contact-name-search.js';
import { userNames, userRef } from '../users/index.js';
import {
  contactNameSql,
  namedRef,
  organisationRows,
  whereOwnedBy,
  type ListDefinition,
  metaColumns,
  type SelectedRow,
} from './list-definition.js';

interface Selected extends RecordMetaRow {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  account_id: string | null;
  account_name: string | null;
  owner_id: string | null;
}

/** The contacts a query asks for but its search. */
function filtered(db: Db, actor: Actor, query: ContactListViewQuery): Knex.QueryBuilder {
  const builder = organisationRows(db, 'contacts', 'c', actor, query.deleted);
  // One merged into another lives on there; the trash shows only what can be restored.
  if (query.deleted) builder.whereNull('c.merged_into_id');
  whereOwnedBy(db, builder, 'c.owner_id', query.owner, actor);
  if (query.accountId) builder.where('c.account_id', query.accountId);
  if (query.consent) whereConsent(builder, query.consent);
  return builder;
}

/** `purpose:answer`: contacts whose current answer for the purpose is that one (or any, or none). */
function whereConsent(builder: Knex.QueryBuilder, filter: string): void {
  const [purpose, state] = filter.split(':') as [ConsentPurpose, ConsentFilterState];
  const answered = (states: readonly ConsentState[]) =>
    function (this: Knex.QueryBuilder) {
      this.from('contact_consents as k')
        .whereRaw('k.org_id = c.org_id AND k.contact_id = c.id')
        .where('k.purpose', purpose)
        .whereIn('k.state', states);
    };
  if (state === 'none') builder.whereNotExists(answered(CONSENT_STATES));
  else builder.whereExists(answered(state === 'allowed' ? ['opt_in', 'soft_opt_in'] : [state]));
}

export const contactList: ListDefinition<ContactListViewQuery, ContactListRow> = {
  alias: 'c',
  sorts: {
    // By last name, then first, as address books sort people.
    name: { sql: CONTACT_SORT_NAME, cast: 'text', nullable: false },
    updatedAt: { sql: 'c.updated_at', cast: 'timestamptz', nullable: false },
  },
  matching(db, actor, query) {
    const builder = filtered(db, actor, query);
    whereSearchMatches(builder, 'c.search_vector', query.q);
    return builder;
  },
  splitSearch(db, actor, query, sort) {
    return splitContactSearch(db, () => filtered(db, actor, query), query, sort);
  },
  select(db, builder) {
    builder
      .leftJoin('accounts as ca', (join) => join.on('ca.org_id', 'c.org_id').andOn('ca.id', 'c.account_id'))
      .select(
        ...metaColumns('c'),
        'c.title',
        'c.account_id',
        'c.owner_id',
        'ca.name as account_name',
        db.raw(`${contactNameSql('c')} AS name`),
        db.raw(
          '(SELECT e.email FROM contact_emails e WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.position, e.email LIMIT 1) AS email',
        ),
        db.raw(
          '(SELECT p.phone FROM contact_phones p WHERE p.org_id = c.org_id AND p.contact_id = c.id ORDER BY p.position, p.phone LIMIT 1) AS phone',
        ),
      );
  },
  async toRows(db, actor, rows: SelectedRow[]) {
    const names = await userNames(db, actor.orgId);
    return (rows as unknown as Selected[]).map((row) => ({
      ...recordMeta(row),
      name: row.name,
      title: row.title,
      email: row.email,
      phone: row.phone,
      account: namedRef(row.account_id, row.account_name),
      owner: userRef(names, row.owner_id),
    }));
  },
};
