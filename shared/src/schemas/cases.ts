import { Type, type Static } from 'typebox';
import {
  createSchema,
  EmailAddress,
  IsoDateTime,
  Nullable,
  recordListQuery,
  RecordMeta,
  updateSchema,
  Uuid,
} from './common.js';

export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CaseStatus = Type.Enum(CASE_STATUSES);
export const CasePriority = Type.Enum(CASE_PRIORITIES);
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const Case = Type.Object({
  ...RecordMeta,
  number: Type.Integer({ description: 'the case number people quote, e.g. 1234 in "[#1234]"' }),
  subject: Type.String(),
  description: Nullable(Type.String()),
  status: CaseStatus,
  priority: CasePriority,
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  ownerId: Nullable(Uuid),
  teamId: Nullable(Uuid),
  category: Nullable(Type.String()),
  supportMailboxId: Nullable(Uuid),
  firstResponseAt: Nullable(IsoDateTime),
});
export type Case = Static<typeof Case>;

/** An agent's answer to the customer on a case, sent from its support address. */
export const CaseAnswer = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    status: Type.Optional(CaseStatus),
    to: Type.Optional({
      ...EmailAddress,
      description: 'who it goes to; by default the sender of the latest message from outside',
    }),
    mailboxId: Type.Optional({
      ...Uuid,
      description: "the support mailbox it goes out from; by default the case's own",
    }),
  },
  { additionalProperties: false },
);
export type CaseAnswer = Static<typeof CaseAnswer>;

const editable = {
  subject: Type.String({ minLength: 1, maxLength: 300 }),
  description: Nullable(Type.String({ maxLength: 20_000 })),
  status: CaseStatus,
  priority: CasePriority,
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  ownerId: Nullable(Uuid),
  teamId: Nullable(Uuid),
  category: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
};

const { subject, ...optional } = editable;
export const CaseCreate = createSchema({ subject }, optional);
export type CaseCreate = Static<typeof CaseCreate>;

export const CaseUpdate = updateSchema(editable);
export type CaseUpdate = Static<typeof CaseUpdate>;

export const CaseListQuery = recordListQuery({
  accountId: Type.Optional(Uuid),
  contactId: Type.Optional(Uuid),
  status: Type.Optional(CaseStatus),
  priority: Type.Optional(CasePriority),
  ownerId: Type.Optional(Uuid),
  teamId: Type.Optional(Uuid),
  number: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
});
export type CaseListQuery = Static<typeof CaseListQuery>;
