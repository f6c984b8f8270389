import type { Knex } from 'knex';
import type { NamedRecordRef, TaskListRow, TaskListViewQuery, TaskPriority } from '@inbox-crm/shared';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { isoOrNull } from '../../db/types.js';
import { userNames, userRef } from '../users/index.js';
import {
  asList,
  contactNameSql,
  likePattern,
  organisationRows,
  whereOwnedBy,
  type ListDefinition,
  metaColumns,
  type SelectedRow,
} from './list-definition.js';

interface Selected extends RecordMetaRow {
  title: string;
  due_at: Date | null;
  time_zone: string | null;
  priority: TaskPriority;
  done: boolean;
  assignee_id: string | null;
  account_id: string | null;
  account_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  opportunity_id: string | null;
  opportunity_name: string | null;
  case_id: string | null;
  case_subject: string | null;
}

/** The records a task concerns, the company first: "Acme · Jane Doe · Fleet renewal". */
function recordsOf(row: Selected): NamedRecordRef[] {
  const records: NamedRecordRef[] = [];
  if (row.account_id) records.push({ type: 'account', id: row.account_id, name: row.account_name ?? '' });
  if (row.contact_id) records.push({ type: 'contact', id: row.contact_id, name: row.contact_name ?? '' });
  if (row.opportunity_id) {
    records.push({ type: 'opportunity', id: row.opportunity_id, name: row.opportunity_name ?? '' });
  }
  if (row.case_id) records.push({ type: 'case', id: row.case_id, name: row.case_subject ?? '' });
  return records;
}

export const taskList: ListDefinition<TaskListViewQuery, TaskListRow> = {
  alias: 't',
  sorts: {
    dueAt: { sql: 't.due_at', cast: 'timestamptz', nullable: true },
    priority: {
      sql: "array_position(ARRAY['low', 'normal', 'high']::text[], t.priority)",
      cast: 'integer',
      nullable: false,
    },
    title: { sql: 'lower(t.title)', cast: 'text', nullable: false },
  },
  matching(db, actor, query) {
    const builder = organisationRows(db, 'tasks', 't', actor, query.deleted);
    whereOwnedBy(db, builder, 't.assignee_id', query.assignee, actor);
    if (query.done !== undefined) builder.where('t.done', query.done);
    if (query.overdue === true) builder.where('t.done', false).where('t.due_at', '<', db.fn.now());
    if (query.overdue === false) builder.whereRaw('(t.done OR t.due_at IS NULL OR t.due_at >= now())');
    if (query.priority) builder.whereIn('t.priority', asList(query.priority));
    if (query.accountId) builder.where('t.account_id', query.accountId);
    if (query.contactId) builder.where('t.contact_id', query.contactId);
    if (query.opportunityId) builder.where('t.opportunity_id', query.opportunityId);
    if (query.caseId) builder.where('t.case_id', query.caseId);
    const words = query.q?.trim();
    if (words) builder.whereRaw(`t.title ILIKE ? ESCAPE '\\'`, [likePattern(words)]);
    return builder;
  },
  select(db, builder) {
    const on = (alias: string, column: string) => (join: Knex.JoinClause) =>
      join.on(`${alias}.org_id`, 't.org_id').andOn(`${alias}.id`, `t.${column}`);
    builder
      .leftJoin('accounts as ta', on('ta', 'account_id'))
      .leftJoin('contacts as tc', on('tc', 'contact_id'))
      .leftJoin('opportunities as tp', on('tp', 'opportunity_id'))
      .leftJoin('cases as tk', on('tk', 'case_id'))
      .select(
        ...metaColumns('t'),
        't.title',
        't.due_at',
        't.time_zone',
        't.priority',
        't.done',
        't.assignee_id',
        't.account_id',
        'ta.name as account_name',
        't.contact_id',
        db.raw(`${contactNameSql('tc')} AS contact_name`),
        't.opportunity_id',
        'tp.name as opportunity_name',
        't.case_id',
        'tk.subject as case_subject',
      );
  },
  async toRows(db, actor, rows: SelectedRow[]) {
    const names = await userNames(db, actor.orgId);
    const now = Date.now();
    return (rows as unknown as Selected[]).map((row) => ({
      ...recordMeta(row),
      title: row.title,
      dueAt: isoOrNull(row.due_at),
      timeZone: row.time_zone,
      priority: row.priority,
      done: row.done,
      overdue: !row.done && row.due_at !== null && row.due_at.getTime() < now,
      assignee: userRef(names, row.assignee_id),
      records: recordsOf(row),
    }));
  },
};
