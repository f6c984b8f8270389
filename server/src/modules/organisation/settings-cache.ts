import type { Db } from '../../db/types.js';
import { findOrganisation, type OrganisationRow } from './repository.js';

/** What the sender view and filing need of an organisation on every call. */
export interface MailSettings {
  ownDomains: string[];
  freeMailDomains: string[];
  neverFile: string[];
  defaultCountry: string;
}

// Read on every lookup, changed rarely: a few seconds of staleness across instances is fine,
// and this instance forgets its copy the moment it writes a change.
const TTL_MS = 5_000;
const cache = new Map<string, { settings: MailSettings; until: number }>();

export function toMailSettings(row: OrganisationRow): MailSettings {
  return {
    ownDomains: row.own_domains,
    freeMailDomains: row.free_mail_domains,
    neverFile: row.never_file,
    defaultCountry: row.default_country,
  };
}

export async function mailSettings(db: Db, orgId: string): Promise<MailSettings> {
  const cached = cache.get(orgId);
  if (cached && cached.until > Date.now()) return cached.settings;
  const row = await findOrganisation(db, orgId);
  const settings = row
    ? toMailSettings(row)
    : { ownDomains: [], freeMailDomains: [], neverFile: [], defaultCountry: 'US' };
  cache.set(orgId, { settings, until: Date.now() + TTL_MS });
  return settings;
}

export function forgetMailSettings(orgId: string): void {
  cache.delete(orgId);
}
