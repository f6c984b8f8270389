import type { MatchReason } from '@inbox-crm/shared';

type Kind = MatchReason['kind'];

interface Subject {
  address?: string | null;
  phone?: string | null;
  domain?: string | null;
  accountId?: string | null;
  accountName?: string | null;
}

/** The sentence the pane shows under a reason (only the one asked is written: this runs per address). */
function sentence(kind: Kind, subject: Subject, domain: string | null): string {
  switch (kind) {
    case 'exact_address':
      return `A contact has the address ${subject.address ?? ''}.`;
    case 'phone':
      return `A record has the phone number ${subject.phone ?? ''}.`;
    case 'domain':
      return `No contact has this address; ${domain ?? ''} belongs to the account ${subject.accountName ?? ''}.`;
    case 'free_mail_domain':
      return `No contact has this address, and ${domain ?? 'its domain'} is a free-mail provider, which says nothing about a company.`;
    case 'own_domain':
      return 'This address belongs to your own organisation.';
    case 'invalid_address':
      return `"${subject.address ?? ''}" is not a valid email address.`;
    case 'suppressed':
      return 'This person asked to be forgotten: nothing of theirs is kept or filed.';
    case 'no_match':
      return domain
        ? `No contact has this address and no account has the domain ${domain}.`
        : 'No contact or account has this address or number.';
  }
}

/** The reason of a match, with the sentence the pane shows under it. */
export function matchReason(kind: Kind, subject: Subject = {}): MatchReason {
  const domain = subject.domain ?? null;
  return {
    kind,
    domain,
    accountId: subject.accountId ?? null,
    accountName: subject.accountName ?? null,
    text: sentence(kind, subject, domain),
  };
}
