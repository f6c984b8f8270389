import { Type, type Static, type TProperties, type TSchema } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const IsoDate = Type.String({ format: 'date' });
export const EmailAddress = Type.String({ format: 'email', maxLength: 254 });
export const ShortText = Type.String({ maxLength: 500 });
/** An IANA time zone name, e.g. Europe/Berlin; the server also checks that it knows the zone. */
export const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_+\\-]+(/[A-Za-z0-9_+\\-]+)*$',
});

/** A value or null: how an absent optional field travels in responses. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Request objects refuse unknown fields, so a typo never vanishes silently. */
export const strict = { additionalProperties: false } as const;

export const IdParams = Type.Object({ id: Uuid }, strict);
export type IdParams = Static<typeof IdParams>;

export const MAX_PAGE_SIZE = 100;
export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export const ErrorBody = Type.Object({
  error: Type.String({ description: 'machine-readable code, e.g. validation_failed' }),
  message: Type.String({ description: 'a sentence for people' }),
  details: Type.Optional(Type.Array(Type.Unknown())),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const RECORD_TYPES = ['account', 'contact', 'opportunity', 'case'] as const;
export const RecordType = Type.Enum(RECORD_TYPES);
export type RecordType = (typeof RECORD_TYPES)[number];

export const RecordRef = Type.Object({ type: RecordType, id: Uuid }, strict);
export type RecordRef = Static<typeof RecordRef>;

/** A reference with the record's display name, for showing a link without another request. */
export const NamedRecordRef = Type.Object({ type: RecordType, id: Uuid, name: Type.String() });
export type NamedRecordRef = Static<typeof NamedRecordRef>;

export const UserRef = Type.Object({ id: Uuid, name: Type.String() });
export type UserRef = Static<typeof UserRef>;

/** Fields every versioned, soft-deletable record answers with. */
export const RecordMeta = {
  id: Uuid,
  version: Type.Integer({ minimum: 1 }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: Nullable(IsoDateTime),
};

/** Every update names the version it was read at; a stale one gets 409. */
export const VersionField = { version: Type.Integer({ minimum: 1 }) };

/** A create body: the required fields, and any of the optional ones. */
export const createSchema = <R extends TProperties, O extends TProperties>(required: R, optional: O) =>
  Type.Object({ ...required, ...Type.Partial(Type.Object(optional)).properties }, strict);

/** An update body: the version it was read at, and any of the editable fields. */
export const updateSchema = <P extends TProperties>(editable: P) =>
  Type.Object({ ...VersionField, ...Type.Partial(Type.Object(editable)).properties }, strict);

/** List filter shared by soft-deletable records: `deleted=true` lists the trash instead. */
export const DeletedFilter = { deleted: Type.Optional(Type.Boolean({ default: false })) };

/** A record list's query: a page, the trash switch, a search `q`, and the record's own filters. */
export const recordListQuery = <F extends TProperties>(filters: F) =>
  Type.Object(
    { ...PageQuery, ...DeletedFilter, q: Type.Optional(Type.String({ maxLength: 200 })), ...filters },
    strict,
  );
