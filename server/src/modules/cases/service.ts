import type { Knex } from 'knex';
import type { Case, CaseCreate, CaseListQuery, CaseUpdate } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { searchText } from '../../db/search.js';
import {
  changedColumns,
  checkReferences,
  createRecord,
  type RecordKind,
  recordService,
  referencesIn,
  updateRecord,
} from '../records/index.js';
import * as cases from './repository.js';

const caseKind: RecordKind<Case> = {
  table: 'cases',
  entity: 'case',
  label: 'Case',
  load: cases.loadCase,
  changeEvents: (actor, before, after) =>
    before.status === after.status
      ? []
      : [{ type: 'case.status_changed', actor, caseId: after.id, from: before.status, to: after.status }],
};

const REFERENCES = { accountId: 'account', contactId: 'contact', ownerId: 'user' } as const;

const COLUMNS = {
  description: 'description',
  status: 'status',
  priority: 'priority',
  accountId: 'account_id',
  contactId: 'contact_id',
  ownerId: 'owner_id',
} as const;

function createCase(db: Knex, actor: Actor, input: CaseCreate): Promise<Case> {
  return createRecord(db, actor, caseKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    await cases.insertCase(trx, actor.orgId, id, {
      status: 'new',
      priority: 'normal',
      owner_id: actor.userId,
      ...changedColumns(input, COLUMNS),
      subject: input.subject.trim(),
      search_text: searchText(input.subject),
    });
  });
}

function updateCase(db: Knex, actor: Actor, id: string, input: CaseUpdate): Promise<Case> {
  return updateRecord(db, actor, caseKind, id, input.version, async (trx) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    await cases.updateCaseColumns(trx, actor.orgId, id, {
      ...changedColumns(input, COLUMNS),
      ...(input.subject !== undefined
        ? { subject: input.subject.trim(), search_text: searchText(input.subject) }
        : {}),
    });
  });
}

export const casesService = recordService<Case, CaseCreate, CaseUpdate, CaseListQuery>(caseKind, {
  list: (db, actor, query) => cases.listCases(db, actor.orgId, query),
  create: createCase,
  update: updateCase,
});
