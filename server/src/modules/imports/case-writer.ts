import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CaseCreate,
  CaseUpdate,
  type Case,
  type CasePriority,
  type CaseStatus,
} from '@inbox-crm/shared';
import { casesService } from '../cases/index.js';
import { choiceIn, ownerIn, text } from './cell-values.js';
import type { Company } from './company.js';
import { rememberExternalId } from './external-ids.js';
import { externalIdIn, findByExternalId } from './external-match.js';
import { RowRefused } from './outcome.js';
import { checked, differing, type RecordWriter } from './record-writer.js';
import { contactEmailIn, relatedOfRow } from './related-records.js';

interface CaseRow {
  externalId: string;
  subject: string | undefined;
  description: string | undefined;
  status: CaseStatus | undefined;
  priority: CasePriority | undefined;
  category: string | undefined;
  company: Company;
  contactEmail: string | undefined;
  ownerId: string | undefined;
}

/** Cases are matched by the id the old system gave them. */
export const caseWriter: RecordWriter<CaseRow, Case> = {
  table: 'cases',
  read: (values, context) => ({
    externalId: externalIdIn(values),
    subject: text(values, 'subject', 'Subject', 300),
    description: text(values, 'description', 'Description', 20_000),
    status: choiceIn(values, 'status', 'Status', CASE_STATUSES),
    priority: choiceIn(values, 'priority', 'Priority', CASE_PRIORITIES),
    category: text(values, 'category', 'Category', 100),
    company: { name: text(values, 'account', 'Company', 200), domain: null },
    contactEmail: contactEmailIn(values),
    ownerId: ownerIn(values, context),
  }),
  label: (row) => (row.subject ? `${row.subject} (${row.externalId})` : row.externalId),
  key: (row) => row.externalId,
  find: (trx, context, row) =>
    findByExternalId(trx, context, 'case', row.externalId, (db, actor, id) =>
      casesService.get(db, actor, id),
    ),
  async create(trx, context, row) {
    if (row.subject === undefined) throw new RowRefused('The subject is empty: new cases need one.');
    const related = await relatedOfRow(trx, context, row, true);
    const created = await casesService.create(
      trx,
      context.actor,
      checked(CaseCreate, {
        subject: row.subject,
        description: row.description ?? null,
        ...(row.status !== undefined ? { status: row.status } : {}),
        ...(row.priority !== undefined ? { priority: row.priority } : {}),
        ...(row.category !== undefined ? { category: row.category } : {}),
        accountId: related.accountId,
        contactId: related.contactId ?? null,
        ...(row.ownerId !== undefined ? { ownerId: row.ownerId } : {}),
      }),
    );
    await rememberExternalId(trx, context.actor.orgId, 'case', row.externalId, created.id);
    return { id: created.id, createdAccountId: related.createdAccountId };
  },
  async changes(trx, context, row, existing) {
    const related = await relatedOfRow(trx, context, row, context.settings.mode !== 'update');
    const fields = differing(existing, {
      subject: row.subject,
      description: row.description,
      status: row.status,
      priority: row.priority,
      category: row.category,
      accountId: related.companyId,
      contactId: related.contactId,
      ownerId: row.ownerId,
    });
    return { fields, createdAccountId: related.createdAccountId };
  },
  get: (trx, actor, id) => casesService.get(trx, actor, id),
  update: (trx, actor, id, fields) =>
    casesService.update(trx, actor, id, checked(CaseUpdate, fields as CaseUpdate)),
};
