import { Type, type Static, type TSchema } from 'typebox';
import { CaseStatus } from './cases.js';
import { Nullable, RecordType, strict, Uuid } from './common.js';
import { StageKind } from './organisation.js';
import { ListCount } from './record-lists.js';

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Optional(Type.Union([RecordType, Type.Array(RecordType, { maxItems: 4 })])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  strict,
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  type: RecordType,
  id: Uuid,
  name: Type.String(),
  detail: Nullable(Type.String({ description: 'a second line: the account, an address, a stage or status' })),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Type.Object({ items: Type.Array(SearchHit) });
export type SearchResult = Static<typeof SearchResult>;

// The console's search page: the matches of each record type, the best few of them and how many
// there are in all, counted as the lists count (a group's "show all" is its list filtered by q).

/** How many hits each group shows unless asked for another number. */
export const SEARCH_GROUP_SIZE = 5;

export const SearchGroupsQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: SEARCH_GROUP_SIZE })),
  },
  strict,
);
export type SearchGroupsQuery = Static<typeof SearchGroupsQuery>;

const AccountOfHit = Nullable(Type.Object({ id: Uuid, name: Type.String() }));

export const AccountSearchHit = Type.Object({
  id: Uuid,
  name: Type.String(),
  domain: Nullable(Type.String({ description: 'the first of its domains' })),
});
export type AccountSearchHit = Static<typeof AccountSearchHit>;

export const ContactSearchHit = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Nullable(Type.String({ description: 'the first address' })),
  account: AccountOfHit,
});
export type ContactSearchHit = Static<typeof ContactSearchHit>;

export const OpportunitySearchHit = Type.Object({
  id: Uuid,
  name: Type.String(),
  stage: Type.String({ description: 'the pipeline stage’s name' }),
  status: StageKind,
  account: AccountOfHit,
});
export type OpportunitySearchHit = Static<typeof OpportunitySearchHit>;

export const CaseSearchHit = Type.Object({
  id: Uuid,
  name: Type.String({ description: 'the subject' }),
  status: CaseStatus,
  account: AccountOfHit,
});
export type CaseSearchHit = Static<typeof CaseSearchHit>;

const SearchGroup = <T extends TSchema>(hit: T) =>
  Type.Object({
    items: Type.Array(hit, { description: 'names starting with the query first, then the newest matches' }),
    total: ListCount,
  });
export interface SearchGroup<T> {
  items: T[];
  total: ListCount;
}

/** Matches per record type, keyed by the name of the type's list. */
export const SearchGroups = Type.Object({
  accounts: SearchGroup(AccountSearchHit),
  contacts: SearchGroup(ContactSearchHit),
  opportunities: SearchGroup(OpportunitySearchHit),
  cases: SearchGroup(CaseSearchHit),
});
export interface SearchGroups {
  accounts: SearchGroup<AccountSearchHit>;
  contacts: SearchGroup<ContactSearchHit>;
  opportunities: SearchGroup<OpportunitySearchHit>;
  cases: SearchGroup<CaseSearchHit>;
}
