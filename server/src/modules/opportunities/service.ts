import type { Knex } from 'knex';
import type {
  Opportunity,
  OpportunityCreate,
  OpportunityListQuery,
  OpportunityUpdate,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { searchText } from '../../db/search.js';
import { Unprocessable, ValidationFailed } from '../../errors.js';
import { findStage } from '../organisation/index.js';
import {
  changedColumns,
  checkReferences,
  createRecord,
  type RecordKind,
  recordService,
  referencesIn,
  updateRecord,
} from '../records/index.js';
import * as opportunities from './repository.js';

const opportunityKind: RecordKind<Opportunity> = {
  table: 'opportunities',
  entity: 'opportunity',
  label: 'Opportunity',
  load: opportunities.loadOpportunity,
  changeEvents: (actor, before, after) =>
    before.stageId === after.stageId
      ? []
      : [
          {
            type: 'opportunity.stage_changed',
            actor,
            opportunityId: after.id,
            fromStageId: before.stageId,
            toStageId: after.stageId,
          },
        ],
};

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

const REFERENCES = { accountId: 'account', contactId: 'contact', stageId: 'stage', ownerId: 'user' } as const;

const COLUMNS = {
  accountId: 'account_id',
  contactId: 'contact_id',
  closeDate: 'close_date',
  ownerId: 'owner_id',
  probability: 'probability',
} as const;

/** The stage asked for, or the first open stage of the pipeline. */
async function stageOf(trx: Knex.Transaction, orgId: string, stageId: string | undefined) {
  const id = stageId ?? (await opportunities.firstOpenStageId(trx, orgId));
  const stage = id === undefined ? undefined : await findStage(trx, orgId, id);
  if (!stage)
    throw new Unprocessable('no_pipeline', 'Your organisation has no open pipeline stage to start in.');
  return stage;
}

function createOpportunity(db: Knex, actor: Actor, input: OpportunityCreate): Promise<Opportunity> {
  const amountMinor = input.amountMinor ?? null;
  const currency = input.currency ?? null;
  checkMoney(amountMinor, currency);
  return createRecord(db, actor, opportunityKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    const stage = await stageOf(trx, actor.orgId, input.stageId);
    await opportunities.insertOpportunity(trx, actor.orgId, id, {
      owner_id: actor.userId,
      probability: stage.probability,
      ...changedColumns(input, COLUMNS),
      name: input.name.trim(),
      stage_id: stage.id,
      status: stage.kind,
      amount_minor: amountMinor,
      currency,
      search_text: searchText(input.name),
    });
  });
}

function updateOpportunity(
  db: Knex,
  actor: Actor,
  id: string,
  input: OpportunityUpdate,
): Promise<Opportunity> {
  return updateRecord(db, actor, opportunityKind, id, input.version, async (trx, before) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    const amountMinor = input.amountMinor === undefined ? before.amountMinor : input.amountMinor;
    const currency = input.currency === undefined ? before.currency : input.currency;
    checkMoney(amountMinor, currency);
    const moved = input.stageId !== undefined && input.stageId !== before.stageId;
    const stage = moved ? await stageOf(trx, actor.orgId, input.stageId) : undefined;
    await opportunities.updateOpportunityColumns(trx, actor.orgId, id, {
      ...changedColumns(input, COLUMNS),
      amount_minor: amountMinor,
      currency,
      ...(input.name !== undefined ? { name: input.name.trim(), search_text: searchText(input.name) } : {}),
      // A move takes the new stage's probability unless the request names one.
      ...(stage
        ? { stage_id: stage.id, status: stage.kind, probability: input.probability ?? stage.probability }
        : {}),
    });
  });
}

export const opportunitiesService = recordService<
  Opportunity,
  OpportunityCreate,
  OpportunityUpdate,
  OpportunityListQuery
>(opportunityKind, {
  list: (db, actor, query) => opportunities.listOpportunities(db, actor.orgId, query),
  create: createOpportunity,
  update: updateOpportunity,
});
