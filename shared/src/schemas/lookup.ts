import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, NamedRecordRef, strict, Uuid, UserRef } from './common.js';
import { TimelineEntry } from './activities.js';
import { CasePriority, CaseStatus } from './cases.js';
import { ConsentPurpose, ConsentState } from './consents.js';
import { ContactPhone } from './contacts.js';
import { TaskPriority } from './tasks.js';
import { MAX_LOOKUP_ADDRESSES, MAX_LOOKUP_ADDRESSES_IN_QUERY } from './limits.js';

export const LookupQuery = Type.Object(
  {
    email: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 254 }),
        Type.Array(Type.String({ maxLength: 254 }), { maxItems: MAX_LOOKUP_ADDRESSES_IN_QUERY }),
      ]),
    ),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
    messageId: Type.Optional(Type.String({ minLength: 1, maxLength: 998 })),
    inReplyTo: Type.Optional(Type.String({ minLength: 1, maxLength: 998 })),
    references: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 20_000 }),
        Type.Array(Type.String({ maxLength: 998 }), { maxItems: 100 }),
      ]),
    ),
    timelineLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, default: 10 })),
  },
  strict,
);
export type LookupQuery = Static<typeof LookupQuery>;

export const LOOKUP_DETAILS = ['full', 'brief'] as const;
export const LOOKUP_LEADS = ['best', 'first'] as const;
export type LookupDetail = (typeof LOOKUP_DETAILS)[number];

const MessageIdText = Type.String({ minLength: 1, maxLength: 998 });

/** The sender view asked in a body: any number of addresses a real message carries. */
export const LookupRequest = Type.Object(
  {
    emails: Type.Optional(Type.Array(Type.String({ maxLength: 254 }), { maxItems: MAX_LOOKUP_ADDRESSES })),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
    messageId: Type.Optional(MessageIdText),
    inReplyTo: Type.Optional(MessageIdText),
    references: Type.Optional(Type.Array(MessageIdText, { maxItems: 200 })),
    conversationId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 998,
        description:
          "the mail client's own thread id (Outlook's conversationId, Gmail's threadId): a hint within one mailbox when the message carries no references",
      }),
    ),
    mailbox: Type.Optional(
      Type.String({ maxLength: 254, description: 'the shared or delegated mailbox the message is read in' }),
    ),
    timelineLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, default: 10 })),
    leading: Type.Optional(
      Type.Enum(LOOKUP_LEADS, {
        default: 'best',
        description:
          'who leads: the best match (a contact, else an account, else the first asked), or the first address asked outside the organisation (the sender of received mail)',
      }),
    ),
    others: Type.Optional(
      Type.Enum(LOOKUP_DETAILS, {
        default: 'brief',
        description:
          'brief: every address but the leading one answers its match only (contact, account, reason); ask for one address to see the rest',
      }),
    ),
  },
  strict,
);
export type LookupRequest = Static<typeof LookupRequest>;

export const MatchKind = Type.Union([Type.Literal('contact'), Type.Literal('account'), Type.Literal('none')]);
export type MatchKind = Static<typeof MatchKind>;

export const MatchReason = Type.Object({
  kind: Type.Union([
    Type.Literal('exact_address'),
    Type.Literal('phone'),
    Type.Literal('domain'),
    Type.Literal('free_mail_domain'),
    Type.Literal('own_domain'),
    Type.Literal('invalid_address'),
    Type.Literal('suppressed'),
    Type.Literal('no_match'),
  ]),
  domain: Nullable(Type.String()),
  accountId: Nullable(Uuid),
  accountName: Nullable(Type.String()),
  text: Type.String({ description: 'why, in a sentence for the pane' }),
});
export type MatchReason = Static<typeof MatchReason>;

export const SenderContact = Type.Object({
  id: Uuid,
  name: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  title: Nullable(Type.String()),
  emails: Type.Array(Type.String()),
  phones: Type.Array(ContactPhone),
  owner: Nullable(UserRef),
  accountId: Nullable(Uuid),
  consents: Type.Array(Type.Object({ purpose: ConsentPurpose, state: ConsentState }), {
    description: 'the current answer per purpose that has one (in full only)',
  }),
});
export const SenderAccount = Type.Object({
  id: Uuid,
  name: Type.String(),
  domains: Type.Array(Type.String()),
  website: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  owner: Nullable(UserRef),
});
export const SenderOpportunity = Type.Object({
  id: Uuid,
  name: Type.String(),
  stage: Type.String(),
  amountMinor: Nullable(Type.Integer()),
  currency: Nullable(Type.String()),
  closeDate: Nullable(IsoDate),
  probability: Type.Integer(),
});
export type SenderOpportunity = Static<typeof SenderOpportunity>;
export const SenderCase = Type.Object({
  id: Uuid,
  subject: Type.String(),
  status: CaseStatus,
  priority: CasePriority,
  updatedAt: IsoDateTime,
});
export const SenderTask = Type.Object({
  id: Uuid,
  title: Type.String(),
  dueAt: Nullable(IsoDateTime),
  priority: TaskPriority,
  assignee: Nullable(UserRef),
});

/** Who one address (or phone number) is, and what is open with them. */
export const SenderView = Type.Object({
  address: Nullable(Type.String()),
  detail: Type.Enum(LOOKUP_DETAILS, {
    description:
      "brief: a match whose contact's addresses and phones, account's domains, and opportunities, cases, tasks and timeline were left out (ask for this address alone to read them); full: the whole answer, which for no match is the reason only",
  }),
  phone: Nullable(Type.String()),
  match: MatchKind,
  reason: MatchReason,
  contact: Nullable(SenderContact),
  account: Nullable(SenderAccount),
  opportunities: Type.Array(SenderOpportunity),
  cases: Type.Array(SenderCase),
  tasks: Type.Array(SenderTask),
  timeline: Type.Array(TimelineEntry),
  neverFile: Nullable(
    Type.String({
      description: 'the never-file entry this address hits: mail with it is refused for filing',
    }),
  ),
});
export type SenderView = Static<typeof SenderView>;

export const THREAD_MATCHES = ['references', 'conversation'] as const;

/** Whether the message being read is filed already, and where its thread was filed. */
export const MessageFiling = Type.Object({
  messageId: Type.String(),
  filed: Type.Boolean(),
  emailId: Nullable(Uuid),
  filedBy: Nullable(UserRef),
  filedAt: Nullable(IsoDateTime),
  links: Type.Array(NamedRecordRef),
  suggestedLinks: Type.Array(NamedRecordRef, { description: 'records the same thread was filed to' }),
  thread: Nullable(
    Type.Enum(THREAD_MATCHES, {
      description:
        'how the thread was found: by In-Reply-To/References, or by the mail client’s conversation in this mailbox',
    }),
  ),
  internal: Type.Boolean({
    description: 'everyone else on the message is a colleague: the thread rule never files it',
  }),
  autoFile: Type.Boolean({
    description:
      'the organisation files replies with their thread, and this one qualifies: the add-in files it to suggestedLinks now, with an Undo',
  }),
});
export type MessageFiling = Static<typeof MessageFiling>;

/**
 * The sender view: the best-matching counterpart at the top level, every other asked address in
 * `others` (one entry per address), and the filing state of `messageId` when it was asked.
 */
export const LookupResult = Type.Object({
  ...SenderView.properties,
  others: Type.Array(SenderView),
  filing: Nullable(MessageFiling),
});
export type LookupResult = Static<typeof LookupResult>;
