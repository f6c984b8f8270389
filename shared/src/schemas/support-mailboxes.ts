import { Type, type Static } from 'typebox';
import { EmailAddress, IsoDateTime, Nullable, strict, Uuid } from './common.js';

export const MAILBOX_SECURITIES = ['tls', 'starttls', 'none'] as const;
export const MAILBOX_AUTH_METHODS = ['password', 'oauth2'] as const;
export const AFTER_READING_ACTIONS = ['mark_seen', 'move'] as const;
export const MAILBOX_STATUSES = ['waiting', 'connected', 'failing', 'off'] as const;
export type MailboxStatus = (typeof MAILBOX_STATUSES)[number];

/** An IMAP folder name as servers show it ("INBOX", "Support/Done"). */
const FolderName = Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f]+$' });

const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.\\-:\\[\\]]+$' });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });

/** The SMTP server mail from the support address goes out through, signed in as the mailbox's user. */
export const OutgoingServer = Type.Object(
  {
    host: Host,
    port: Port,
    security: Type.Enum(MAILBOX_SECURITIES, {
      description:
        'tls: TLS from the start (port 465); starttls: upgrade required (587); none: only on a trusted network',
    }),
  },
  strict,
);
export type OutgoingServer = Static<typeof OutgoingServer>;

const settings = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  address: { ...EmailAddress, description: 'the support address customers write to; replies go out from it' },
  host: Host,
  port: Port,
  security: Type.Enum(MAILBOX_SECURITIES, {
    description:
      'tls: TLS from the start (port 993); starttls: upgrade required (143); none: only on a trusted network',
  }),
  username: Type.String({ minLength: 1, maxLength: 254, pattern: '^[^\\u0000-\\u001f\\u007f]+$' }),
  authMethod: Type.Enum(MAILBOX_AUTH_METHODS, {
    description: 'password, or oauth2 (XOAUTH2 with an access token, for Google and Microsoft mailboxes)',
  }),
  folder: FolderName,
  afterReading: Type.Enum(AFTER_READING_ACTIONS, {
    description: 'what happens to a message once it is in the CRM: marked seen, or moved; never deleted',
  }),
  moveToFolder: Nullable(FolderName),
  teamId: Nullable(Uuid),
  enabled: Type.Boolean(),
  readExisting: Type.Boolean({
    description: 'also bring in the mail already in the folder when the mailbox is first read',
  }),
  outgoing: Type.Union([OutgoingServer, Type.Null()], {
    description:
      "where acknowledgements and answers are sent; null: through the CRM server's own SMTP (SMTP_URL)",
  }),
};

/** A support mailbox as admins see it; its password or token is never shown again. */
export const SupportMailbox = Type.Object({
  id: Uuid,
  ...settings,
  status: Type.Enum(MAILBOX_STATUSES),
  lastError: Nullable(Type.String()),
  lastErrorAt: Nullable(IsoDateTime),
  lastReadAt: Nullable(IsoDateTime),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type SupportMailbox = Static<typeof SupportMailbox>;

const Secret = Type.String({
  minLength: 1,
  maxLength: 4096,
  pattern: '^[^\\u0000-\\u001f\\u007f]+$',
  description: 'the password, or the OAuth2 access token; sealed at rest and never returned',
});

const { name, address, host, port, security, username, authMethod, ...optional } = settings;
export const SupportMailboxCreate = Type.Object(
  {
    name,
    address,
    host,
    port,
    security,
    username,
    authMethod,
    secret: Secret,
    ...Type.Partial(Type.Object(optional)).properties,
  },
  strict,
);
export type SupportMailboxCreate = Static<typeof SupportMailboxCreate>;

export const SupportMailboxUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    secret: Type.Optional(Secret),
    ...Type.Partial(Type.Object(settings)).properties,
  },
  strict,
);
export type SupportMailboxUpdate = Static<typeof SupportMailboxUpdate>;

export const MAIL_PROBLEM_OUTCOMES = ['refused', 'unreadable'] as const;

/** A message a mailbox fetched but could not turn into a case, and why; it stays in the mailbox. */
export const SupportMailProblem = Type.Object({
  uid: Type.Integer(),
  outcome: Type.Enum(MAIL_PROBLEM_OUTCOMES),
  subject: Nullable(Type.String()),
  fromEmail: Nullable(Type.String()),
  reason: Type.String(),
  receivedAt: IsoDateTime,
});
export type SupportMailProblem = Static<typeof SupportMailProblem>;
