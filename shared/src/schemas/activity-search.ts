import { Type, type Static } from 'typebox';
import { ActivityType } from './activities.js';
import { RANKED_MATCHES_CAP } from './limits.js';
import { IsoDateTime, NamedRecordRef, Nullable, PageQuery, RecordType, strict, Uuid } from './common.js';

export const SearchCount = Type.Object({
  value: Type.Integer({ minimum: 0 }),
  capped: Type.Boolean({ description: `true when more than ${RANKED_MATCHES_CAP} match` }),
});
export type SearchCount = Static<typeof SearchCount>;

export const ActivitySearchSort = Type.Enum(['relevance', 'newest'] as const);
export type ActivitySearchSort = Static<typeof ActivitySearchSort>;

export const ActivitySearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 500,
      description:
        'words (all must match; case and accents aside), "a phrase", -word or -"a phrase" to leave out; the last word matches as a prefix',
    }),
    kind: Type.Optional(Type.Union([ActivityType, Type.Array(ActivityType, { maxItems: 4 })])),
    recordType: Type.Optional(RecordType),
    recordId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: "with recordType: this record's correspondence (for an account, its contacts' too)",
      }),
    ),
    filedBy: Type.Optional(Uuid),
    participant: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 254,
        description: 'an address (jane@acme.com) or a domain (acme.com) among the sender and recipients',
      }),
    ),
    since: Type.Optional(IsoDateTime),
    until: Type.Optional(IsoDateTime),
    hasAttachments: Type.Optional(Type.Boolean()),
    sort: Type.Optional(ActivitySearchSort),
    counts: Type.Optional(
      Type.Boolean({ description: 'also count the matches of each kind (capped like total)' }),
    ),
    cursor: PageQuery.cursor,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  strict,
);
export type ActivitySearchQuery = Static<typeof ActivitySearchQuery>;

export const HighlightedText = Type.Object({
  text: Type.String(),
  highlights: Type.Array(Type.Object({ start: Type.Integer(), length: Type.Integer() }), {
    description: 'the ranges of text (in UTF-16 code units) where the query matched',
  }),
});
export type HighlightedText = Static<typeof HighlightedText>;

export const ActivityHit = Type.Object({
  id: Uuid,
  type: ActivityType,
  subject: HighlightedText,
  snippet: HighlightedText,
  occurredAt: IsoDateTime,
  from: Nullable(Type.Object({ email: Type.String(), name: Nullable(Type.String()) })),
  owner: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  private: Type.Boolean(),
  attachments: Type.Array(Type.String(), { description: 'the names of its attachments' }),
  links: Type.Array(NamedRecordRef, { description: 'the records it is filed to' }),
});
export type ActivityHit = Static<typeof ActivityHit>;

export const ActivityKindCounts = Type.Object({
  email: SearchCount,
  call: SearchCount,
  meeting: SearchCount,
  note: SearchCount,
});
export type ActivityKindCounts = Static<typeof ActivityKindCounts>;

export const ActivitySearchResult = Type.Object({
  items: Type.Array(ActivityHit),
  nextCursor: Nullable(Type.String()),
  total: SearchCount,
  sort: ActivitySearchSort,
  counts: Type.Optional(ActivityKindCounts),
});
export type ActivitySearchResult = Static<typeof ActivitySearchResult>;
