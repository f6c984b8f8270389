import type { CaseListRow, CaseListViewQuery, CasePriority, CaseStatus } from '@inbox-crm/shared';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { whereSearchMatches } from '../../db/search.js';
import { whereInTeam, whereOnDays } from './list-periods.js';
import { userNames, userRef } from '../users/index.js';
import {
  asList,
  contactNameSql,
  namedRef,
  organisationRows,
  whereOwnedBy,
  type ListDefinition,
  metaColumns,
  type SelectedRow,
} from './list-definition.js';

interface Selected extends RecordMetaRow {
  number: number;
  subject: string;
  status: CaseStatus;
  priority: CasePriority;
  account_id: string | null;
  account_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  owner_id: string | null;
}

export const caseList: ListDefinition<CaseListViewQuery, CaseListRow> = {
  alias: 'k',
  sorts: {
    createdAt: { sql: 'k.created_at', cast: 'timestamptz', nullable: false },
    updatedAt: { sql: 'k.updated_at', cast: 'timestamptz', nullable: false },
    priority: {
      sql: "array_position(ARRAY['low', 'normal', 'high', 'urgent']::text[], k.priority)",
      cast: 'integer',
      nullable: false,
    },
  },
  matching(db, actor, query) {
    const builder = organisationRows(db, 'cases', 'k', actor, query.deleted);
    whereOwnedBy(db, builder, 'k.owner_id', query.owner, actor);
    if (query.accountId) builder.where('k.account_id', query.accountId);
    if (query.status) builder.whereIn('k.status', asList(query.status));
    if (query.priority) builder.whereIn('k.priority', asList(query.priority));
    whereInTeam(db, builder, 'k.owner_id', query.teamId, actor);
    whereOnDays(
      builder,
      'k.created_at',
      { from: query.openedFrom, to: query.openedTo, timeZone: query.timeZone },
      actor,
    );
    if (query.resolvedFrom || query.resolvedTo) {
      const days = { from: query.resolvedFrom, to: query.resolvedTo, timeZone: query.timeZone };
      builder.whereExists((resolving) => {
        resolving
          .select(db.raw('1'))
          .from('case_status_history as h')
          .whereRaw('h.org_id = k.org_id AND h.case_id = k.id AND h.resolves');
        whereOnDays(resolving, 'h.entered_at', days, actor);
      });
    }
    whereSearchMatches(builder, 'k.search_vector', query.q);
    return builder;
  },
  select(db, builder) {
    builder
      .leftJoin('accounts as ka', (join) => join.on('ka.org_id', 'k.org_id').andOn('ka.id', 'k.account_id'))
      .leftJoin('contacts as kc', (join) => join.on('kc.org_id', 'k.org_id').andOn('kc.id', 'k.contact_id'))
      .select(
        ...metaColumns('k'),
        'k.number',
        'k.subject',
        'k.status',
        'k.priority',
        'k.account_id',
        'ka.name as account_name',
        'k.contact_id',
        db.raw(`${contactNameSql('kc')} AS contact_name`),
        'k.owner_id',
      );
  },
  async toRows(db, actor, rows: SelectedRow[]) {
    const names = await userNames(db, actor.orgId);
    return (rows as unknown as Selected[]).map((row) => ({
      ...recordMeta(row),
      number: row.number,
      subject: row.subject,
      status: row.status,
      priority: row.priority,
      account: namedRef(row.account_id, row.account_name),
      contact: namedRef(row.contact_id, row.contact_name),
      owner: userRef(names, row.owner_id),
    }));
  },
};
