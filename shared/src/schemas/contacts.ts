import { Type, type Static } from 'typebox';
import {
  createSchema,
  EmailAddress,
  Nullable,
  recordListQuery,
  RecordMeta,
  strict,
  updateSchema,
  Uuid,
} from './common.js';

export const PHONE_LABELS = ['work', 'mobile', 'home', 'other'] as const;
const PhoneLabel = Type.Enum(PHONE_LABELS);

export const ContactPhone = Type.Object({
  number: Type.String({ description: 'E.164 in responses; any common notation in requests' }),
  label: PhoneLabel,
});
export type ContactPhone = Static<typeof ContactPhone>;

const PhoneInput = Type.Object(
  { number: Type.String({ minLength: 3, maxLength: 40 }), label: Type.Optional(PhoneLabel) },
  strict,
);

export const Contact = Type.Object({
  ...RecordMeta,
  firstName: Type.String(),
  lastName: Type.String(),
  name: Type.String({ description: 'first and last name as shown' }),
  title: Nullable(Type.String()),
  accountId: Nullable(Uuid),
  emails: Type.Array(Type.String(), { description: 'the first is the primary address' }),
  phones: Type.Array(ContactPhone),
  ownerId: Nullable(Uuid),
  /** The contact this one was merged into (it is then in the trash too). */
  mergedIntoId: Nullable(Uuid),
});
export type Contact = Static<typeof Contact>;

const editable = {
  firstName: Type.String({ maxLength: 100 }),
  lastName: Type.String({ maxLength: 100 }),
  title: Nullable(Type.String({ maxLength: 200 })),
  accountId: Nullable(Uuid),
  emails: Type.Array(EmailAddress, { maxItems: 20 }),
  phones: Type.Array(PhoneInput, { maxItems: 20 }),
  ownerId: Nullable(Uuid),
};

export const ContactCreate = createSchema({}, editable);
export type ContactCreate = Static<typeof ContactCreate>;

export const ContactUpdate = updateSchema(editable);
export type ContactUpdate = Static<typeof ContactUpdate>;

export const ContactListQuery = recordListQuery({
  accountId: Type.Optional(Uuid),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  ownerId: Type.Optional(Uuid),
});
export type ContactListQuery = Static<typeof ContactListQuery>;
