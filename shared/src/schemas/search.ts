import { Type, type Static } from 'typebox';
import { Nullable, RecordType, strict, Uuid } from './common.js';

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
