import type { Knex } from 'knex';
import type { Case, CaseCreate, CaseListQuery, CaseUpdate } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { searchText } from '../../db/search.js';
import type { RecordService } from '../../http/record-routes.js';
import {
  createRecord,
  getRecord,
  setRecordDeleted,
  updateRecord,
  type RecordKind,
} from '../records/lifecycle.js';
import { checkReferences } from '../records/references.js';
import * as cases from './repository.js';

export const caseKind: RecordKind<Case> = {
  table: 'cases',
  entity: 'case',
  label: 'Case',
  load: cases.loadCase,
};

const references = (input: CaseCreate | CaseUpdate) => [
  { field: 'accountId', type: 'account' as const, id: input.accountId },
  { field: 'contactId', type: 'contact' as const, id: input.contactId },
  { field: 'ownerId', type: 'user' as const, id: input.ownerId },
];

function createCase(db: Knex, actor: Actor, input: CaseCreate): Promise<Case> {
  return createRecord(db, actor, caseKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, references(input));
    await cases.insertCase(trx, actor.orgId, id, {
      subject: input.subject.trim(),
      description: input.description ?? null,
      status: input.status ?? 'new',
      priority: input.priority ?? 'normal',
      account_id: input.accountId ?? null,
      contact_id: input.contactId ?? null,
      owner_id: input.ownerId === undefined ? actor.userId : input.ownerId,
      search_text: searchText(input.subject),
    });
  });
}

function updateCase(db: Knex, actor: Actor, id: string, input: CaseUpdate): Promise<Case> {
  return updateRecord(db, actor, caseKind, id, input.version, async (trx) => {
    await checkReferences(trx, actor.orgId, references(input));
    const columns: cases.CaseColumns = {};
    if (input.subject !== undefined)
      Object.assign(columns, { subject: input.subject.trim(), search_text: searchText(input.subject) });
    if (input.description !== undefined) columns.description = input.description;
    if (input.status !== undefined) columns.status = input.status;
    if (input.priority !== undefined) columns.priority = input.priority;
    if (input.accountId !== undefined) columns.account_id = input.accountId;
    if (input.contactId !== undefined) columns.contact_id = input.contactId;
    if (input.ownerId !== undefined) columns.owner_id = input.ownerId;
    await cases.updateCaseColumns(trx, actor.orgId, id, columns);
  });
}

export const casesService: RecordService<Case, CaseCreate, CaseUpdate, CaseListQuery> = {
  list: (db, actor, query) => cases.listCases(db, actor.orgId, query),
  get: (db, actor, id) => getRecord(db, actor, caseKind, id),
  create: createCase,
  update: updateCase,
  remove: (db, actor, id) => setRecordDeleted(db, actor, caseKind, id, true),
  restore: (db, actor, id) => setRecordDeleted(db, actor, caseKind, id, false),
};
