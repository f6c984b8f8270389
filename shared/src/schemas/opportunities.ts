import { Type, type Static } from 'typebox';
import {
  createSchema,
  IsoDate,
  Nullable,
  recordListQuery,
  RecordMeta,
  updateSchema,
  Uuid,
} from './common.js';
import { StageKind } from './organisation.js';

export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
/** Money travels as an integer count of the currency's minor unit (cents): never a float. */
export const AmountMinor = Type.Integer({ minimum: 0, maximum: 9_007_199_254_740_991 });

export const Opportunity = Type.Object({
  ...RecordMeta,
  name: Type.String(),
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  stageId: Uuid,
  status: StageKind,
  amountMinor: Nullable(Type.Integer()),
  currency: Nullable(Type.String()),
  closeDate: Nullable(Type.String()),
  probability: Type.Integer(),
  ownerId: Nullable(Uuid),
});
export type Opportunity = Static<typeof Opportunity>;

const editable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  stageId: Uuid,
  amountMinor: Nullable(AmountMinor),
  currency: Nullable(Currency),
  closeDate: Nullable(IsoDate),
  probability: Type.Integer({ minimum: 0, maximum: 100 }),
  ownerId: Nullable(Uuid),
};

const { name, ...optional } = editable;
export const OpportunityCreate = createSchema({ name }, optional);
export type OpportunityCreate = Static<typeof OpportunityCreate>;

export const OpportunityUpdate = updateSchema(editable);
export type OpportunityUpdate = Static<typeof OpportunityUpdate>;

export const OpportunityListQuery = recordListQuery({
  accountId: Type.Optional(Uuid),
  contactId: Type.Optional(Uuid),
  stageId: Type.Optional(Uuid),
  status: Type.Optional(StageKind),
  ownerId: Type.Optional(Uuid),
});
export type OpportunityListQuery = Static<typeof OpportunityListQuery>;
