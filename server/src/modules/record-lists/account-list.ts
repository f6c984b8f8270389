import type { AccountListRow, AccountListViewQuery } from '@inbox-crm/shared';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { whereSearchMatches } from '../../db/search.js';
import { userNames, userRef } from '../users/index.js';
import {
  metaColumns,
  organisationRows,
  whereOwnedBy,
  type ListDefinition,
  type SelectedRow,
} from './list-definition.js';

interface Selected extends RecordMetaRow {
  name: string;
  domains: string[];
  industry: string | null;
  phone: string | null;
  website: string | null;
  owner_id: string | null;
}

export const accountList: ListDefinition<AccountListViewQuery, AccountListRow> = {
  alias: 'a',
  sorts: {
    name: { sql: 'lower(a.name)', cast: 'text', nullable: false },
    updatedAt: { sql: 'a.updated_at', cast: 'timestamptz', nullable: false },
  },
  matching(db, actor, query) {
    const builder = organisationRows(db, 'accounts', 'a', actor, query.deleted);
    // One merged into another lives on there; the trash shows only what can be restored.
    if (query.deleted) builder.whereNull('a.merged_into_id');
    whereOwnedBy(db, builder, 'a.owner_id', query.owner, actor);
    whereSearchMatches(builder, 'a.search_vector', query.q);
    return builder;
  },
  select(db, builder) {
    builder.select(
      ...metaColumns('a'),
      'a.name',
      'a.industry',
      'a.phone',
      'a.website',
      'a.owner_id',
      db.raw(
        'ARRAY(SELECT d.domain FROM account_domains d WHERE d.org_id = a.org_id AND d.account_id = a.id ORDER BY d.domain) AS domains',
      ),
    );
  },
  async toRows(db, actor, rows: SelectedRow[]) {
    const names = await userNames(db, actor.orgId);
    return (rows as unknown as Selected[]).map((row) => ({
      ...recordMeta(row),
      name: row.name,
      domains: row.domains,
      industry: row.industry,
      phone: row.phone,
      website: row.website,
      owner: userRef(names, row.owner_id),
    }));
  },
};
