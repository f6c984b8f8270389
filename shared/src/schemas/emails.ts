import { Type, type Static } from 'typebox';
import {
  EmailAddress,
  IsoDateTime,
  NamedRecordRef,
  Nullable,
  PageQuery,
  RecordRef,
  RecordType,
  strict,
  Uuid,
  UserRef,
} from './common.js';
import { MAX_LINKS } from './activities.js';
import { MAX_ATTACHMENTS, MAX_BODY_HTML, MAX_BODY_TEXT, MAX_RECIPIENTS } from './limits.js';

/** The clients that file mail through the API. */
export const EMAIL_SOURCES = ['outlook', 'gmail', 'api'] as const;
export const EmailSource = Type.Enum(EMAIL_SOURCES);
export type EmailSource = (typeof EMAIL_SOURCES)[number];
/** Where a stored email came from: a client, a support mailbox the server reads, or an imported archive. */
export const STORED_EMAIL_SOURCES = [...EMAIL_SOURCES, 'mailbox', 'import'] as const;
export const StoredEmailSource = Type.Enum(STORED_EMAIL_SOURCES);
export type StoredEmailSource = (typeof STORED_EMAIL_SOURCES)[number];

export const ParticipantInput = Type.Object(
  { email: EmailAddress, name: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) },
  strict,
);
export const Participant = Type.Object({ email: Type.String(), name: Nullable(Type.String()) });
export type Participant = Static<typeof Participant>;

const MessageIdText = Type.String({ minLength: 1, maxLength: 998 });

export const AttachmentMeta = Type.Object(
  {
    name: Type.String({ maxLength: 500 }),
    contentType: Type.String({ maxLength: 255 }),
    size: Type.Integer({ minimum: 0, maximum: 2 ** 40 }),
  },
  strict,
);
export type AttachmentMeta = Static<typeof AttachmentMeta>;

/** An attachment as a client files it: what it is, and its content when the client could read it. */
export const AttachmentInput = Type.Object(
  {
    ...AttachmentMeta.properties,
    inline: Type.Optional(
      Type.Boolean({ description: 'an image the HTML body shows (by its Content-ID), not in the list' }),
    ),
    contentId: Type.Optional(
      Nullable(Type.String({ maxLength: 998, description: 'without angle brackets' })),
    ),
    content: Type.Optional(
      Type.String({
        contentEncoding: 'base64',
        description:
          'the file, base64; without it only the name, type and size are kept (a host that cannot read attachments)',
      }),
    ),
  },
  strict,
);
export type AttachmentInput = Static<typeof AttachmentInput>;

/** An attachment of a filed email. Its content, when kept, downloads from /emails/{id}/attachments/{position}. */
export const EmailAttachment = Type.Object({
  position: Type.Integer({ minimum: 0 }),
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  inline: Type.Boolean(),
  contentId: Nullable(Type.String()),
  stored: Type.Boolean({ description: 'whether the content is kept, not only the name' }),
});
export type EmailAttachment = Static<typeof EmailAttachment>;

export const EmailFile = Type.Object(
  {
    messageId: Type.Optional(Nullable(MessageIdText)),
    conversationId: Type.Optional(Nullable(Type.String({ maxLength: 998 }))),
    inReplyTo: Type.Optional(Nullable(MessageIdText)),
    references: Type.Optional(Type.Array(MessageIdText, { maxItems: 200 })),
    subject: Type.String({ maxLength: 2000 }),
    from: ParticipantInput,
    to: Type.Array(ParticipantInput, { maxItems: MAX_RECIPIENTS }),
    cc: Type.Optional(Type.Array(ParticipantInput, { maxItems: MAX_RECIPIENTS })),
    sentAt: IsoDateTime,
    bodyText: Type.Optional(Nullable(Type.String({ maxLength: MAX_BODY_TEXT }))),
    bodyHtml: Type.Optional(Nullable(Type.String({ maxLength: MAX_BODY_HTML }))),
    attachments: Type.Optional(Type.Array(AttachmentInput, { maxItems: MAX_ATTACHMENTS })),
    source: EmailSource,
    mailbox: Type.Optional(
      Nullable(
        Type.String({ maxLength: 254, description: 'the shared or delegated mailbox it was filed from' }),
      ),
    ),
    private: Type.Optional(
      Type.Boolean({ description: 'visible to the filer, their managers and admins only' }),
    ),
    onlyIfNew: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'refuse (409) rather than add to an email filed before: for a filing no person asked for (a reply filed with its thread)',
      }),
    ),
    links: Type.Array(RecordRef, { minItems: 1, maxItems: MAX_LINKS }),
  },
  strict,
);
export type EmailFile = Static<typeof EmailFile>;

export const EmailLink = Type.Object({
  type: RecordType,
  id: Uuid,
  name: Type.String(),
  linkedBy: Nullable(UserRef),
  linkedAt: IsoDateTime,
});
export type EmailLink = Static<typeof EmailLink>;

/** Why an email keeps no bodies or attachments. */
export const CONTENT_REMOVALS = ['retention', 'metadata_only'] as const;
export type ContentRemoval = (typeof CONTENT_REMOVALS)[number];

export const Email = Type.Object({
  id: Uuid,
  messageId: Nullable(Type.String({ description: 'as the message carried it, without angle brackets' })),
  messageKey: Type.String({ description: 'the Message-ID, or a derived key when the message had none' }),
  conversationId: Nullable(Type.String()),
  inReplyTo: Nullable(Type.String()),
  references: Type.Array(Type.String()),
  subject: Type.String(),
  from: Participant,
  to: Type.Array(Participant),
  cc: Type.Array(Participant),
  sentAt: IsoDateTime,
  bodyText: Nullable(Type.String()),
  bodyHtml: Nullable(Type.String({ description: 'sanitized on the way in' })),
  attachments: Type.Array(EmailAttachment),
  contentRemoved: Nullable(
    Type.Enum(CONTENT_REMOVALS, {
      description:
        'why the bodies and attachments are not kept: removed by the retention policy, or never kept (metadata only)',
    }),
  ),
  source: StoredEmailSource,
  mailbox: Nullable(Type.String()),
  private: Type.Boolean(),
  filedBy: Nullable(UserRef),
  filedAt: IsoDateTime,
  links: Type.Array(EmailLink),
});
export type Email = Static<typeof Email>;

export const EmailAttachmentParams = Type.Object(
  { id: Uuid, position: Type.Integer({ minimum: 0, maximum: MAX_ATTACHMENTS }) },
  strict,
);
export type EmailAttachmentParams = Static<typeof EmailAttachmentParams>;

export const EmailLinkParams = Type.Object({ id: Uuid, type: RecordType, recordId: Uuid }, strict);
export type EmailLinkParams = Static<typeof EmailLinkParams>;

export const MessageIdParams = Type.Object({ messageId: MessageIdText }, strict);
export type MessageIdParams = Static<typeof MessageIdParams>;

export const EMAIL_SCOPES = ['mine', 'team', 'organisation'] as const;

export const FiledEmailsQuery = Type.Object(
  {
    ...PageQuery,
    scope: Type.Optional(
      Type.Enum(EMAIL_SCOPES, {
        default: 'mine',
        description: 'filed by me; by my team (managers and admins); by anyone (admins)',
      }),
    ),
  },
  strict,
);
export type FiledEmailsQuery = Static<typeof FiledEmailsQuery>;

/** One filed email in a list of correspondence: enough to scan it and open it. */
export const FiledEmail = Type.Object({
  id: Uuid,
  subject: Type.String(),
  snippet: Type.String(),
  from: Participant,
  sentAt: IsoDateTime,
  filedAt: IsoDateTime,
  filedBy: Nullable(UserRef),
  mailbox: Nullable(Type.String()),
  private: Type.Boolean(),
  links: Type.Array(NamedRecordRef),
});
export type FiledEmail = Static<typeof FiledEmail>;
