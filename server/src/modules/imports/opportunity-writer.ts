import { OpportunityCreate, OpportunityUpdate, foldForSearch, type Opportunity } from '@inbox-crm/shared';
import { opportunitiesService } from '../opportunities/index.js';
import { amountIn, currencyIn, dateIn, ownerIn, text, wholeNumberIn, type RowValues } from './cell-values.js';
import type { Company } from './company.js';
import { rememberExternalId } from './external-ids.js';
import { externalIdIn, findByExternalId } from './external-match.js';
import type { ImportContext } from './import-context.js';
import { RowRefused } from './outcome.js';
import { checked, differing, type RecordWriter } from './record-writer.js';
import { contactEmailIn, relatedOfRow } from './related-records.js';

interface OpportunityRow {
  externalId: string;
  name: string | undefined;
  company: Company;
  contactEmail: string | undefined;
  stageId: string | undefined;
  amountMinor: number | undefined;
  currency: string | undefined;
  closeDate: string | undefined;
  probability: number | undefined;
  ownerId: string | undefined;
}

function stageIn(values: RowValues, context: ImportContext): string | undefined {
  if (values.stage === undefined) return undefined;
  const stage = context.stages.get(foldForSearch(values.stage));
  if (!stage)
    throw new RowRefused(`Stage “${values.stage}” is not one of: ${context.stageNames.join(', ')}.`);
  return stage.id;
}

/** Opportunities are matched by the id the old system gave them. */
export const opportunityWriter: RecordWriter<OpportunityRow, Opportunity> = {
  table: 'opportunities',
  read(values, context) {
    const currency =
      values.amount === undefined && values.currency === undefined ? undefined : currencyIn(values, context);
    return {
      externalId: externalIdIn(values),
      name: text(values, 'name', 'Name', 200),
      company: { name: text(values, 'account', 'Company', 200), domain: null },
      contactEmail: contactEmailIn(values),
      stageId: stageIn(values, context),
      amountMinor: currency === undefined ? undefined : amountIn(values, currency),
      currency: values.amount === undefined ? undefined : currency,
      closeDate: dateIn(values, 'closeDate', 'Close date', context.settings.dateFormat),
      probability: wholeNumberIn(values, 'probability', 'Probability', 0, 100),
      ownerId: ownerIn(values, context),
    };
  },
  label: (row) => (row.name ? `${row.name} (${row.externalId})` : row.externalId),
  key: (row) => row.externalId,
  find: (trx, context, row) =>
    findByExternalId(trx, context, 'opportunity', row.externalId, (db, actor, id) =>
      opportunitiesService.get(db, actor, id),
    ),
  async create(trx, context, row) {
    if (row.name === undefined) throw new RowRefused('The name is empty: new opportunities need one.');
    const related = await relatedOfRow(trx, context, row, true);
    const opportunity = await opportunitiesService.create(
      trx,
      context.actor,
      checked(OpportunityCreate, {
        name: row.name,
        accountId: related.accountId,
        contactId: related.contactId ?? null,
        ...(row.stageId !== undefined ? { stageId: row.stageId } : {}),
        amountMinor: row.amountMinor ?? null,
        currency: row.amountMinor === undefined ? null : (row.currency ?? null),
        closeDate: row.closeDate ?? null,
        ...(row.probability !== undefined ? { probability: row.probability } : {}),
        ...(row.ownerId !== undefined ? { ownerId: row.ownerId } : {}),
      }),
    );
    await rememberExternalId(trx, context.actor.orgId, 'opportunity', row.externalId, opportunity.id);
    return { id: opportunity.id, createdAccountId: related.createdAccountId };
  },
  async changes(trx, context, row, existing) {
    const related = await relatedOfRow(trx, context, row, context.settings.mode !== 'update');
    const fields = differing(existing, {
      name: row.name,
      accountId: related.companyId,
      contactId: related.contactId,
      stageId: row.stageId,
      amountMinor: row.amountMinor,
      currency: row.amountMinor === undefined ? undefined : row.currency,
      closeDate: row.closeDate,
      probability: row.probability,
      ownerId: row.ownerId,
    });
    return { fields, createdAccountId: related.createdAccountId };
  },
  get: (trx, actor, id) => opportunitiesService.get(trx, actor, id),
  update: (trx, actor, id, fields) =>
    opportunitiesService.update(trx, actor, id, checked(OpportunityUpdate, fields as OpportunityUpdate)),
};
