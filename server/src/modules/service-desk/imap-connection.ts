import { lookup } from 'node:dns/promises';
import { ImapFlow } from 'imapflow';
import { isPublicAddress, literalAddress } from '../deliveries/index.js';
import type { MailboxRow } from './mailboxes-repository.js';

export interface ConnectionRules {
  /** Let mailboxes live on private and local addresses (MAILBOX_ALLOW_PRIVATE); default false. */
  allowPrivate: boolean;
  /** Socket and greeting timeouts, short in tests. */
  timeoutMs: number;
}

/** A connection problem put in words for admins (never with a secret in it). */
export class MailboxConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailboxConnectionError';
  }
}

/**
 * The address to connect to: the host itself when private addresses are allowed, otherwise the one
 * it resolves to, checked to be public, so that a mailbox setting cannot reach into our network
 * (and a name that changes its answer after the check gains nothing).
 */
export async function addressFor(
  host: string,
  rules: Pick<ConnectionRules, 'allowPrivate'>,
): Promise<string> {
  if (rules.allowPrivate) return host;
  const literal = literalAddress(host);
  const addresses = literal ? [literal] : (await lookup(host, { all: true })).map((entry) => entry.address);
  const address = addresses[0];
  if (!address || !addresses.every(isPublicAddress)) {
    throw new MailboxConnectionError(
      `${host} is, or resolves to, an address that is not public; an administrator of the server can allow it with MAILBOX_ALLOW_PRIVATE.`,
    );
  }
  return address;
}

interface ImapFailure {
  authenticationFailed?: boolean;
  code?: string;
  syscall?: string;
  responseText?: string;
  responseStatus?: string;
}

/**
 * What a failure says, in a sentence an admin can act on: the mail server's own words, or what went
 * wrong on the way to it. Anything else (the database, a bug) is ours: the sentence says so, and
 * only the server's log has the details, which may quote data.
 */
export function describeConnectionError(error: unknown): string {
  if (error instanceof MailboxConnectionError) return error.message;
  const failure = (error ?? {}) as ImapFailure;
  if (failure.authenticationFailed) {
    const said = failure.responseText?.trim().replace(/[.\s]+$/, '');
    return `The mail server refused the sign-in${said ? `: ${said}` : ''}. Check the user name and the password or token.`;
  }
  if (failure.code === 'ENOTFOUND') return 'The mail server’s name could not be found.';
  if (failure.code === 'ECONNREFUSED')
    return 'The mail server refused the connection: check the host and port.';
  if (failure.code === 'CONNECT_TIMEOUT' || failure.code === 'ETIMEDOUT')
    return 'The mail server did not answer in time.';
  if (failure.responseText) return `The mail server answered: ${failure.responseText}`;
  if (failure.syscall || failure.code === 'NoConnection' || failure.code === 'EConnectionClosed') {
    return `The connection to the mail server was lost (${failure.code ?? failure.syscall}).`;
  }
  return 'Reading the mailbox failed because of an error on our side; the server’s log says which.';
}

/** A client for the mailbox's server, signed in with its opened secret by `connect()`. */
export async function mailboxClient(
  mailbox: Pick<MailboxRow, 'host' | 'port' | 'security' | 'username' | 'auth_method'>,
  secret: string,
  rules: ConnectionRules,
): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: await addressFor(mailbox.host, rules),
    servername: literalAddress(mailbox.host) ? undefined : mailbox.host,
    port: mailbox.port,
    secure: mailbox.security === 'tls',
    doSTARTTLS: mailbox.security === 'starttls' ? true : mailbox.security === 'none' ? false : undefined,
    auth:
      mailbox.auth_method === 'oauth2'
        ? { user: mailbox.username, accessToken: secret }
        : { user: mailbox.username, pass: secret },
    logger: false,
    // Start IDLE soon after each pass, so new mail is announced at once.
    autoIdleDelay: 250,
    connectionTimeout: rules.timeoutMs,
    greetingTimeout: rules.timeoutMs,
    clientInfo: { name: 'Inbox CRM' },
  });
  // Failures surface from the commands; the event would otherwise be an uncaught error.
  client.on('error', () => undefined);
  return client;
}
