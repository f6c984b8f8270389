import type { MatchReason } from '@inbox-crm/shared';

type Kind = MatchReason['kind'];

/** The reason of a match, with the sentence the pane shows under it. */
export function matchReason(
  kind: Kind,
  subject: {
    address?: string | null;
    phone?: string | null;
    domain?: string | null;
    accountId?: string | null;
    accountName?: string | null;
  } = {},
): MatchReason {
  const domain = subject.domain ?? null;
  const text: Record<Kind, string> = {
    exact_address: `A contact has the address ${subject.address ?? ''}.`,
    phone: `A record has the phone number ${subject.phone ?? ''}.`,
    domain: `No contact has this address; ${domain ?? ''} belongs to the account ${subject.accountName ?? ''}.`,
    free_mail_domain: `No contact has this address, and ${domain ?? 'its domain'} is a free-mail provider, which says nothing about a company.`,
    own_domain: 'This address belongs to your own organisation.',
    invalid_address: `"${subject.address ?? ''}" is not a valid email address.`,
    suppressed: 'This person asked to be forgotten: nothing of theirs is kept or filed.',
    no_match: domain
      ? `No contact has this address and no account has the domain ${domain}.`
      : 'No contact or account has this address or number.',
  };
  return {
    kind,
    domain,
    accountId: subject.accountId ?? null,
    accountName: subject.accountName ?? null,
    text: text[kind],
  };
}
