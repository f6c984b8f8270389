import { emailDomain, normalizeEmail } from './email-address.js';

/** What decides whether a message may be answered automatically (an acknowledgement). */
export interface AutoReplyQuestion {
  /** The message's header values by lower-case name. */
  headers: ReadonlyMap<string, string>;
  /** The sender's address. */
  from: string;
  /** The organisation's own addresses (its support mailboxes) and domains: never answered. */
  ownAddresses: readonly string[];
  ownDomains: readonly string[];
  /** Acknowledgements sent to this sender in the last hour, and how many an hour are allowed. */
  answeredThisHour: number;
  maxPerHour: number;
}

// Senders that never read replies: bounces, and the no-reply addresses of mailers.
const NO_REPLY_SENDER =
  /^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|bounces?)([-+.].*)?$/i;

/**
 * Why no acknowledgement may answer this message, or null when one may. RFC 3834: nothing sent
 * automatically (`Auto-Submitted` other than `no`), no bulk or list mail (`Precedence`,
 * `List-Id`), no bounces (an empty Return-Path) or no-reply senders; and never our own
 * addresses, nor a sender answered too often this hour (two robots answering each other).
 */
export function autoReplyRefusal(question: AutoReplyQuestion): string | null {
  const header = (name: string) => question.headers.get(name)?.trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && !autoSubmitted.startsWith('no')) {
    return `It was sent automatically (Auto-Submitted: ${autoSubmitted}).`;
  }
  const precedence = header('precedence');
  if (precedence && ['bulk', 'list', 'junk'].includes(precedence)) {
    return `It is bulk or list mail (Precedence: ${precedence}).`;
  }
  // What other mail systems mark their own automatic answers with, and Exchange's "do not answer".
  if (precedence === 'auto_reply') return 'It is an automatic answer (Precedence: auto_reply).';
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress']) {
    if (header(name) !== undefined) return `It asks not to be answered automatically (${name}).`;
  }
  if (header('list-id') !== undefined) return 'It came through a mailing list (List-Id).';
  if (/^<\s*>$/.test(header('return-path') ?? '')) return 'It is a bounce (its Return-Path is empty).';
  const from = normalizeEmail(question.from);
  if (NO_REPLY_SENDER.test(from.split('@')[0] ?? '')) return 'It came from an address that takes no replies.';
  const domain = emailDomain(from);
  if (
    question.ownAddresses.some((own) => normalizeEmail(own) === from) ||
    question.ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`))
  ) {
    return 'It came from one of our own addresses.';
  }
  if (question.answeredThisHour >= question.maxPerHour) {
    return `This sender was already answered ${question.answeredThisHour} times in the last hour.`;
  }
  return null;
}
