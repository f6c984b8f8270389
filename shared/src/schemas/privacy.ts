import { Type, type Static } from 'typebox';
import { EmailAddress, IsoDateTime, Nullable, strict, Uuid, UserRef } from './common.js';

/** A person, for a privacy request: by their contact, by an address, or both. */
export const PersonRequest = Type.Object(
  {
    contactId: Type.Optional(Uuid),
    email: Type.Optional(EmailAddress),
  },
  { ...strict, minProperties: 1 },
);
export type PersonRequest = Static<typeof PersonRequest>;

/** Forget a person. */
export const ErasureRequest = PersonRequest;
export type ErasureRequest = PersonRequest;

/** What an erasure did, counted: what the audit log keeps of it, with no personal data. */
export const ErasureResult = Type.Object({
  id: Uuid,
  contactsDeleted: Type.Integer(),
  addressesSuppressed: Type.Integer(),
  emailsDeleted: Type.Integer({ description: 'emails they were on with nobody else from outside' }),
  activitiesDeleted: Type.Integer({ description: 'calls, meetings and notes filed to them alone' }),
  activitiesRedacted: Type.Integer({
    description: 'emails, calls, meetings and notes that stay, without them',
  }),
  tasksDeleted: Type.Integer(),
  recordsRedacted: Type.Integer({ description: 'tasks, deals and cases that stay, without them' }),
});
export type ErasureResult = Static<typeof ErasureResult>;

export const SUPPRESSION_REASONS = ['erasure', 'request'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** An entry of the suppression list: a hash, never the address. */
export const Suppression = Type.Object({
  addressHash: Type.String({ description: 'HMAC-SHA256 of the address under the organisation’s salt' }),
  reason: Type.Enum(SUPPRESSION_REASONS),
  createdAt: IsoDateTime,
  createdBy: Nullable(UserRef),
});
export type Suppression = Static<typeof Suppression>;

export const SuppressionAddress = Type.Object({ email: EmailAddress }, strict);
export type SuppressionAddress = Static<typeof SuppressionAddress>;

export const SuppressionCheck = Type.Object({
  email: Type.String(),
  suppressed: Type.Boolean(),
});
export type SuppressionCheck = Static<typeof SuppressionCheck>;

export const SUPPRESSIONS_SHOWN = 50;

export const SuppressionList = Type.Object({
  total: Type.Integer(),
  latest: Type.Array(Suppression, { description: `the newest ${SUPPRESSIONS_SHOWN}` }),
});
export type SuppressionList = Static<typeof SuppressionList>;
