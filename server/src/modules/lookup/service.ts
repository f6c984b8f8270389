import type { Knex } from 'knex';
import {
  emailDomain,
  isEmailAddress,
  isColleagueOrInvalid,
  MAX_LOOKUP_ADDRESSES_IN_QUERY,
  isFreeMailDomain,
  isOwnAddress,
  neverFileEntryFor,
  normalizeEmail,
  normalizeMessageId,
  parseReferences,
  registrableDomain,
  type LookupRequest,
  type LookupResult,
  type MessageFiling,
  type SenderView,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { ValidationFailed } from '../../errors.js';
import { normalizePhone } from '../records/index.js';
import { mailSettings, type MailSettings } from '../organisation/index.js';
import { addressHashes } from '../privacy/index.js';
import type { FilingQuery, FilingRows } from './filing-sql.js';
import { addressRowsAndFiling, filingRows, senderRows, type SenderRow } from './repository.js';
import { matchReason } from './match-reason.js';

const DEFAULT_TIMELINE_LIMIT = 10;

function emptyView(address: string | null, phone: string | null, reason: SenderView['reason']): MatchedView {
  return {
    address,
    phone,
    detail: 'full',
    match: 'none',
    reason,
    contact: null,
    account: null,
    opportunities: [],
    cases: [],
    tasks: [],
    timeline: [],
  };
}

/** One counterpart to look up: an address with its registrable domain (null for free-mail), or a phone. */
interface LookupCandidate {
  address: string | null;
  domain: string | null;
  phone: string | null;
}

/** A sender view before the never-file list is consulted. */
type MatchedView = Omit<SenderView, 'neverFile'>;

/** A view decided without the database (own, invalid), or the candidate to look up. */
type Planned = { view: MatchedView } | { candidate: LookupCandidate; freeMail: boolean };

function planAddress(raw: string, settings: MailSettings): Planned {
  const address = normalizeEmail(raw);
  if (!isEmailAddress(address))
    return { view: emptyView(address, null, matchReason('invalid_address', { address })) };
  if (isOwnAddress(address, settings.ownDomains))
    return { view: emptyView(address, null, matchReason('own_domain', { address })) };
  const host = emailDomain(address);
  const freeMail = isFreeMailDomain(host, settings.freeMailDomains);
  return {
    candidate: { address, domain: freeMail ? null : (registrableDomain(host) ?? host), phone: null },
    freeMail,
  };
}

/** The view of a match: what the statement found for it, and why it matched. */
function matchedView(
  candidate: LookupCandidate,
  row: SenderRow,
  match: 'contact' | 'account',
  reason: SenderView['reason'],
): MatchedView {
  return {
    address: candidate.address,
    phone: candidate.phone,
    detail: row.in_full ? 'full' : 'brief',
    match,
    reason,
    contact: row.contact,
    account: row.account,
    opportunities: row.opportunities,
    cases: row.cases,
    tasks: row.tasks,
    timeline: row.timeline,
  };
}

function toView(candidate: LookupCandidate, freeMail: boolean, row: SenderRow): MatchedView {
  // Someone who asked to be forgotten: the pane says so, and shows nothing of them.
  if (row.suppressed && candidate.address !== null) {
    return emptyView(candidate.address, null, matchReason('suppressed', { address: candidate.address }));
  }
  const account = row.account;
  const accountNamed = { accountId: account?.id, accountName: account?.name };
  if (row.match === 'contact') {
    const kind = candidate.address ? 'exact_address' : 'phone';
    return matchedView(candidate, row, 'contact', matchReason(kind, { ...candidate, ...accountNamed }));
  }
  if (row.match === 'account') {
    const kind = row.matched_domain ? 'domain' : 'phone';
    const reason = matchReason(kind, { ...candidate, domain: row.matched_domain, ...accountNamed });
    return matchedView(candidate, row, 'account', reason);
  }
  const domain = candidate.address ? emailDomain(candidate.address) : null;
  return emptyView(
    candidate.address,
    candidate.phone,
    matchReason(freeMail ? 'free_mail_domain' : 'no_match', {
      ...candidate,
      domain: freeMail ? domain : candidate.domain,
    }),
  );
}

/**
 * Who leads: the first party outside the organisation when asked so (the sender of received mail),
 * else the best match: a contact, else an account, else the first outside address. The sender view
 * statement answers that same one in full.
 */
function primaryIndex(views: readonly SenderView[], leading: LookupRequest['leading']): number {
  const outside = Math.max(
    0,
    views.findIndex((view) => !isColleagueOrInvalid(view)),
  );
  if (leading === 'first') return outside;
  const contact = views.findIndex((view) => view.match === 'contact');
  if (contact >= 0) return contact;
  const account = views.findIndex((view) => view.match === 'account');
  return account >= 0 ? account : outside;
}

/** The filing state of the message, and its thread's records; the thread rule is applied after. */
type StoredFiling = Omit<MessageFiling, 'internal' | 'autoFile'> & { known: boolean };

/** The filing question of the message read; null when the request names none. */
function filingQuery(request: LookupRequest): FilingQuery | null {
  const key = normalizeMessageId(request.messageId);
  if (key === null) return null;
  const threadKeys = parseReferences([
    ...(request.inReplyTo ? [request.inReplyTo] : []),
    ...(request.references ?? []),
  ]).filter((id) => id !== key);
  return {
    key,
    thread: {
      keys: threadKeys,
      conversationId: request.conversationId ?? null,
      mailbox: request.mailbox ? normalizeEmail(request.mailbox) : null,
    },
  };
}

function storedFiling(key: string, rows: FilingRows): StoredFiling {
  return {
    messageId: key,
    filed: rows.email !== null,
    emailId: rows.email?.id ?? null,
    filedBy: rows.email?.filedBy ?? null,
    filedAt: rows.email ? rows.email.filedAt.toISOString() : null,
    links: rows.links,
    suggestedLinks: rows.suggestedLinks,
    thread: rows.thread,
    known: rows.known,
  };
}

/**
 * The thread rule: a reply whose thread is filed is filed with it (when the organisation asks for
 * that) unless everyone else on it is a colleague (a forward or a reply inside the organisation),
 * the never-file list names someone on it, or it was ever filed (by anyone, privately, or to the
 * trash: an Undo stays undone, and a colleague's private filing is never touched).
 */
function withThreadRule(
  { known, ...filing }: StoredFiling,
  views: readonly SenderView[],
  autoFileThreads: boolean,
): MessageFiling {
  const internal =
    views.some((view) => view.reason.kind === 'own_domain') && views.every(isColleagueOrInvalid);
  const autoFile =
    autoFileThreads &&
    !filing.filed &&
    !known &&
    filing.suggestedLinks.length > 0 &&
    !internal &&
    views.every((view) => view.neverFile === null);
  return { ...filing, internal, autoFile };
}

/**
 * The sender view: who each asked address (or the phone number) is and what is open with them,
 * plus whether the message being read is filed. Own-domain and invalid addresses are answered
 * without the database; all addresses in one statement (a phone number in another), beside the
 * filing question. With `others: 'brief'` only the leading view carries open items and history.
 */
export async function lookup(db: Knex, actor: Actor, request: LookupRequest): Promise<LookupResult> {
  const addresses = [...new Set((request.emails ?? []).map(normalizeEmail))];
  if (request.others === 'full' && addresses.length > MAX_LOOKUP_ADDRESSES_IN_QUERY) {
    throw new ValidationFailed(
      `Every address is read in full for ${MAX_LOOKUP_ADDRESSES_IN_QUERY} addresses at most; ask for more with others=brief.`,
      [{ path: '/others', message: `full only for ${MAX_LOOKUP_ADDRESSES_IN_QUERY} addresses or fewer` }],
    );
  }
  if (addresses.length === 0 && request.phone === undefined) {
    throw new ValidationFailed('Ask by email (repeatable) or phone.', [
      { path: '/email', message: 'is required without phone' },
    ]);
  }
  const settings = await mailSettings(db, actor.orgId);
  const planned: Planned[] = addresses.map((address) => planAddress(address, settings));
  if (request.phone !== undefined) {
    const phone = normalizePhone(request.phone, settings.defaultCountry, '/phone');
    planned.push({ candidate: { address: null, domain: null, phone }, freeMail: false });
  }
  const candidates = planned.flatMap((plan) => ('candidate' in plan ? [plan.candidate] : []));
  const addressed = candidates.filter((candidate) => candidate.address !== null);
  const phoned = candidates.filter((candidate) => candidate.phone !== null);
  const options = {
    timelineLimit: request.timelineLimit ?? DEFAULT_TIMELINE_LIMIT,
    firstLeads: request.leading === 'first',
    allInFull: request.others === 'full',
  };
  const asked = filingQuery(request);
  // The message's filing goes with the addresses' statement when there is one.
  const [byAddress, phoneRows, filingAlone] = await Promise.all([
    addressed.length === 0
      ? { rows: [], filing: null }
      : addressHashes(
          db,
          actor.orgId,
          addressed.map((c) => c.address!),
        ).then((hashes) =>
          addressRowsAndFiling(
            db,
            actor,
            {
              mode: 'address',
              addresses: addressed.map((c) => c.address!),
              domains: addressed.map((c) => c.domain),
              hashes,
            },
            options,
            asked,
          ),
        ),
    phoned.length === 0
      ? []
      : senderRows(db, actor, { mode: 'phone', phones: phoned.map((c) => c.phone!) }, options),
    asked && addressed.length === 0 ? filingRows(db, actor, asked) : null,
  ]);
  const addressRows = byAddress.rows;
  const filingFound = byAddress.filing ?? filingAlone;
  const filing = asked && filingFound && storedFiling(asked.key, filingFound);
  // Each statement answers its candidates in the order asked.
  const views: SenderView[] = planned.map((plan) => {
    const row = 'view' in plan ? null : (plan.candidate.address !== null ? addressRows : phoneRows).shift()!;
    const view = 'view' in plan ? plan.view : toView(plan.candidate, plan.freeMail, row!);
    // Told up front, so a pane can say why it will not file rather than meet a refusal.
    return { ...view, neverFile: view.address ? neverFileEntryFor(view.address, settings.neverFile) : null };
  });
  const primary = primaryIndex(views, request.leading);
  return {
    ...views[primary]!,
    others: views.filter((_, index) => index !== primary),
    filing: filing && withThreadRule(filing, views, settings.autoFileThreads),
  };
}
