import type { Knex } from 'knex';
import type {
  Opportunity,
  OpportunityCreate,
  OpportunityListQuery,
  OpportunityUpdate,
  PageOf,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { searchText } from '../../db/search.js';
import { Unprocessable, ValidationFailed } from '../../errors.js';
import type { RecordService } from '../../http/record-routes.js';
import { findStage } from '../organisation/repository.js';
import {
  createRecord,
  getRecord,
  setRecordDeleted,
  updateRecord,
  type RecordKind,
} from '../records/lifecycle.js';
import { checkReferences } from '../records/references.js';
import * as opportunities from './repository.js';

export const opportunityKind: RecordKind<Opportunity> = {
  table: 'opportunities',
  entity: 'opportunity',
  label: 'Opportunity',
  load: opportunities.loadOpportunity,
};

const listOpportunities = (
  db: Knex,
  actor: Actor,
  query: OpportunityListQuery,
): Promise<PageOf<Opportunity>> => opportunities.listOpportunities(db, actor.orgId, query);

const getOpportunity = (db: Knex, actor: Actor, id: string) => getRecord(db, actor, opportunityKind, id);

/** Money is an amount and its currency, or neither. */
function checkMoney(amountMinor: number | null, currency: string | null): void {
  if ((amountMinor === null) !== (currency === null)) {
    throw new ValidationFailed('amountMinor and currency go together: give both or neither.', [
      {
        in: 'body',
        path: amountMinor === null ? '/amountMinor' : '/currency',
        message: 'is required with the other',
      },
    ]);
  }
}

const references = (input: OpportunityCreate | OpportunityUpdate) => [
  { field: 'accountId', type: 'account' as const, id: input.accountId },
  { field: 'contactId', type: 'contact' as const, id: input.contactId },
  { field: 'stageId', type: 'stage' as const, id: input.stageId },
  { field: 'ownerId', type: 'user' as const, id: input.ownerId },
];

async function stageOf(trx: Knex.Transaction, orgId: string, stageId: string | undefined) {
  const id = stageId ?? (await opportunities.firstOpenStageId(trx, orgId));
  const stage = id === undefined ? undefined : await findStage(trx, orgId, id);
  if (!stage)
    throw new Unprocessable('no_pipeline', 'Your organisation has no open pipeline stage to start in.');
  return stage;
}

async function createOpportunity(db: Knex, actor: Actor, input: OpportunityCreate): Promise<Opportunity> {
  const amountMinor = input.amountMinor ?? null;
  const currency = input.currency ?? null;
  checkMoney(amountMinor, currency);
  return createRecord(db, actor, opportunityKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, references(input));
    const stage = await stageOf(trx, actor.orgId, input.stageId);
    await opportunities.insertOpportunity(trx, actor.orgId, id, {
      name: input.name.trim(),
      account_id: input.accountId ?? null,
      contact_id: input.contactId ?? null,
      stage_id: stage.id,
      status: stage.kind,
      amount_minor: amountMinor,
      currency,
      close_date: input.closeDate ?? null,
      probability: input.probability ?? stage.probability,
      owner_id: input.ownerId === undefined ? actor.userId : input.ownerId,
      search_text: searchText(input.name),
    });
  });
}

async function updateOpportunity(
  db: Knex,
  actor: Actor,
  id: string,
  input: OpportunityUpdate,
): Promise<Opportunity> {
  return updateRecord(db, actor, opportunityKind, id, input.version, async (trx, before) => {
    await checkReferences(trx, actor.orgId, references(input));
    const amountMinor = input.amountMinor === undefined ? before.amountMinor : input.amountMinor;
    const currency = input.currency === undefined ? before.currency : input.currency;
    checkMoney(amountMinor, currency);
    const columns: opportunities.OpportunityColumns = { amount_minor: amountMinor, currency };
    if (input.name !== undefined)
      Object.assign(columns, { name: input.name.trim(), search_text: searchText(input.name) });
    if (input.accountId !== undefined) columns.account_id = input.accountId;
    if (input.contactId !== undefined) columns.contact_id = input.contactId;
    if (input.closeDate !== undefined) columns.close_date = input.closeDate;
    if (input.ownerId !== undefined) columns.owner_id = input.ownerId;
    if (input.probability !== undefined) columns.probability = input.probability;
    if (input.stageId !== undefined && input.stageId !== before.stageId) {
      const stage = await stageOf(trx, actor.orgId, input.stageId);
      Object.assign(columns, {
        stage_id: stage.id,
        status: stage.kind,
        probability: input.probability ?? stage.probability,
      });
    }
    await opportunities.updateOpportunityColumns(trx, actor.orgId, id, columns);
  });
}

export const opportunitiesService: RecordService<
  Opportunity,
  OpportunityCreate,
  OpportunityUpdate,
  OpportunityListQuery
> = {
  list: listOpportunities,
  get: getOpportunity,
  create: createOpportunity,
  update: updateOpportunity,
  remove: (db, actor, id) => setRecordDeleted(db, actor, opportunityKind, id, true),
  restore: (db, actor, id) => setRecordDeleted(db, actor, opportunityKind, id, false),
};
