import { OrganisationCache } from '../../cache/organisation-cache.js';
import type { Db } from '../../db/types.js';
import { findOrganisation } from './repository.js';

/** What the sender view and filing need of an organisation on every call. */
export interface MailSettings {
  ownDomains: string[];
  freeMailDomains: string[];
  neverFile: string[];
  defaultCountry: string;
  /** File a reply when it is opened if its thread is filed already. */
  autoFileThreads: boolean;
  /** New filings keep no bodies or attachments. */
  metadataOnly: boolean;
}

const cache = new OrganisationCache<MailSettings>(5_000);

export function mailSettings(db: Db, orgId: string): Promise<MailSettings> {
  return cache.get(orgId, async () => {
    const row = await findOrganisation(db, orgId);
    return {
      ownDomains: row?.own_domains ?? [],
      freeMailDomains: row?.free_mail_domains ?? [],
      neverFile: row?.never_file ?? [],
      defaultCountry: row?.default_country ?? 'US',
      autoFileThreads: row?.auto_file_threads ?? false,
      metadataOnly: row?.metadata_only ?? false,
    };
  });
}

export function forgetMailSettings(orgId: string): void {
  cache.forget(orgId);
}
