import { Type, type Static } from 'typebox';
import { createSchema, Nullable, recordListQuery, RecordMeta, updateSchema, Uuid } from './common.js';

const Domain = Type.String({ minLength: 3, maxLength: 253 });
const Phone = Type.String({ minLength: 3, maxLength: 40 });

export const Account = Type.Object({
  ...RecordMeta,
  name: Type.String(),
  domains: Type.Array(Type.String(), { description: 'registrable mail domains, e.g. acme.co.uk' }),
  website: Nullable(Type.String()),
  industry: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'E.164' })),
  ownerId: Nullable(Uuid),
  /** The account this one was merged into (it is then in the trash too). */
  mergedIntoId: Nullable(Uuid),
});
export type Account = Static<typeof Account>;

const editable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  domains: Type.Array(Domain, { maxItems: 20 }),
  website: Nullable(Type.String({ maxLength: 500 })),
  industry: Nullable(Type.String({ maxLength: 100 })),
  phone: Nullable(Phone),
  ownerId: Nullable(Uuid),
};

const { name, ...optional } = editable;
export const AccountCreate = createSchema({ name }, optional);
export type AccountCreate = Static<typeof AccountCreate>;

export const AccountUpdate = updateSchema(editable);
export type AccountUpdate = Static<typeof AccountUpdate>;

export const AccountListQuery = recordListQuery({
  domain: Type.Optional(Domain),
  ownerId: Type.Optional(Uuid),
});
export type AccountListQuery = Static<typeof AccountListQuery>;
