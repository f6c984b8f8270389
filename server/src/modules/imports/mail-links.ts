import type { Knex } from 'knex';
import {
  emailDomain,
  isFreeMailDomain,
  isOwnAddress,
  registrableDomain,
  type RecordRef,
} from '@inbox-crm/shared';
import type { MailSettings } from '../organisation/index.js';

/**
 * The records an archived message is filed to, by the sender view's rules: each participant from
 * outside (not of the organisation's own domains) that is a contact, with the contact's account;
 * and for the others, the account holding their address's domain (never a free-mail domain).
 */
export async function recordsOfParticipants(
  trx: Knex.Transaction,
  orgId: string,
  settings: Pick<MailSettings, 'ownDomains' | 'freeMailDomains'>,
  addresses: readonly string[],
): Promise<RecordRef[]> {
  const outside = [...new Set(addresses.filter((address) => !isOwnAddress(address, settings.ownDomains)))];
  if (outside.length === 0) return [];
  const contacts = (await trx('contact_emails as e')
    .join('contacts as c', function joinContact() {
      this.on('c.org_id', 'e.org_id').andOn('c.id', 'e.contact_id');
    })
    .where('e.org_id', orgId)
    .whereIn('e.email', outside)
    .whereNull('c.deleted_at')
    .select('e.email', 'c.id', 'c.account_id')) as { email: string; id: string; account_id: string | null }[];
  const known = new Set(contacts.map((contact) => contact.email));
  const domains = [
    ...new Set(
      outside
        .filter((address) => !known.has(address))
        .map((address) => registrableDomain(emailDomain(address)))
        .filter(
          (domain): domain is string =>
            domain !== null && !isFreeMailDomain(domain, settings.freeMailDomains),
        ),
    ),
  ];
  const accounts =
    domains.length === 0
      ? []
      : ((await trx('account_domains as d')
          .join('accounts as a', function joinAccount() {
            this.on('a.org_id', 'd.org_id').andOn('a.id', 'd.account_id');
          })
          .where('d.org_id', orgId)
          .whereIn('d.domain', domains)
          .whereNull('a.deleted_at')
          .select('a.id')) as { id: string }[]);
  const links = new Map<string, RecordRef>();
  for (const contact of contacts) {
    links.set(contact.id, { type: 'contact', id: contact.id });
    if (contact.account_id) links.set(contact.account_id, { type: 'account', id: contact.account_id });
  }
  for (const account of accounts) links.set(account.id, { type: 'account', id: account.id });
  return [...links.values()];
}
