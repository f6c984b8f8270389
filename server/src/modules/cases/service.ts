import type { Knex } from 'knex';
import type {
  Case,
  CaseCreate,
  CaseListQuery,
  CasePriority,
  CaseStatus,
  CaseUpdate,
} from '@inbox-crm/shared';
import type { Actor, AuditActor } from '../../actor.js';
import { searchText } from '../../db/search.js';
import {
  changedColumns,
  checkReferences,
  createRecord,
  insertRecord,
  type RecordKind,
  recordService,
  referencesIn,
  reviseRecord,
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

const REFERENCES = { accountId: 'account', contactId: 'contact', ownerId: 'user', teamId: 'team' } as const;

const COLUMNS = {
  description: 'description',
  status: 'status',
  priority: 'priority',
  accountId: 'account_id',
  contactId: 'contact_id',
  ownerId: 'owner_id',
  teamId: 'team_id',
  category: 'category',
} as const;

function createCase(db: Knex, actor: Actor, input: CaseCreate): Promise<Case> {
  return createRecord(db, actor, caseKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    return cases.insertCase(trx, actor.orgId, id, {
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

/** What a support mailbox knows when it opens a case from a message. */
export interface CaseFromMail {
  subject: string;
  contactId: string | null;
  accountId: string | null;
  teamId: string | null;
  priority: CasePriority;
  category: string | null;
  ownerId: string | null;
  supportMailboxId: string;
}

/** A case opened by automation (a support mailbox, as its routing says), in the caller's transaction. */
export function openCaseIn(trx: Knex.Transaction, actor: AuditActor, input: CaseFromMail): Promise<Case> {
  const subject = input.subject.trim().slice(0, 300) || '(no subject)';
  return insertRecord(trx, actor, caseKind, (inner, id) =>
    cases.insertCase(inner, actor.orgId, id, {
      subject,
      status: 'new',
      priority: input.priority,
      category: input.category,
      contact_id: input.contactId,
      account_id: input.accountId,
      team_id: input.teamId,
      support_mailbox_id: input.supportMailboxId,
      owner_id: input.ownerId,
      search_text: searchText(subject),
    }),
  );
}

/**
 * An agent answered the customer (in the caller's transaction): the first answer is the case's
 * first response; `status` is where the case goes now, if it moves (pending, waiting on them).
 */
export function answeredCaseIn(
  trx: Knex.Transaction,
  actor: AuditActor,
  id: string,
  status: CaseStatus | undefined,
): Promise<Case> {
  return reviseRecord(trx, actor, caseKind, id, async (inner, before) => {
    await cases.updateCaseColumns(inner, actor.orgId, id, {
      ...(before.firstResponseAt === null ? { first_response_at: new Date() } : {}),
      ...(status && status !== before.status ? { status } : {}),
    });
  });
}

/** A change automation makes (a rule raising the priority or handing the case on), in the caller's transaction. */
export function changeCaseIn(
  trx: Knex.Transaction,
  actor: AuditActor,
  id: string,
  change: { priority?: CasePriority; ownerId?: string },
): Promise<Case> {
  return reviseRecord(trx, actor, caseKind, id, (inner) =>
    cases.updateCaseColumns(inner, actor.orgId, id, {
      ...(change.priority ? { priority: change.priority } : {}),
      ...(change.ownerId ? { owner_id: change.ownerId } : {}),
    }),
  );
}

/** The customer wrote again: a pending or resolved case is open once more (in the caller's transaction). */
export async function reopenCaseIn(trx: Knex.Transaction, actor: AuditActor, id: string): Promise<Case> {
  return reviseRecord(trx, actor, caseKind, id, async (inner, before) => {
    if (before.status === 'pending' || before.status === 'resolved') {
      await cases.updateCaseColumns(inner, actor.orgId, id, { status: 'open' });
    }
  });
}
