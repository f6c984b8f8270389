import type { Knex } from 'knex';
import type { Account, Contact, MergeableType, MergeField } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { searchText } from '../../db/search.js';
import type { RecordEntity } from '../../events/domain-events.js';
import { loadAccount, updateAccountColumns } from '../accounts/index.js';
import { loadContact, updateContactColumns } from '../contacts/index.js';
import {
  accountDomains,
  contactConsents,
  contactEmails,
  contactPhones,
  contactPlanEnrollments,
  pointingRecords,
  timelineLinks,
  type Move,
} from './moves.js';

export interface RecordOfMergeable {
  contact: Contact;
  account: Account;
}

/** How a merge reaches one mergeable record type. */
export interface MergeKind<T extends MergeableType> {
  table: 'contacts' | 'accounts';
  entity: RecordEntity;
  /** For messages: 'contact', 'account'. */
  noun: string;
  load(db: Db, orgId: string, id: string): Promise<RecordOfMergeable[T] | undefined>;
  /** In the order they run. */
  moves: readonly Move[];
  /** Writes the kept record's fields: its own, or the duplicate's where asked. */
  keepFields(
    trx: Knex.Transaction,
    orgId: string,
    kept: RecordOfMergeable[T],
    duplicate: RecordOfMergeable[T],
    take: readonly MergeField<T>[],
  ): Promise<void>;
}

/** The value of each field the kept record ends with. */
function chosen<R, F extends keyof R>(kept: R, duplicate: R, take: readonly F[]) {
  return <K extends F>(field: K): R[K] => (take.includes(field) ? duplicate[field] : kept[field]);
}

const contactKind: MergeKind<'contact'> = {
  table: 'contacts',
  entity: 'contact',
  noun: 'contact',
  load: loadContact,
  moves: [
    timelineLinks('contact'),
    pointingRecords('opportunities', 'contact_id', 'opportunities'),
    pointingRecords('cases', 'contact_id', 'cases'),
    pointingRecords('tasks', 'contact_id', 'tasks'),
    contactPlanEnrollments,
    contactEmails,
    contactPhones,
    contactConsents,
  ],
  async keepFields(trx, orgId, kept, duplicate, take) {
    const value = chosen(kept, duplicate, take);
    const [firstName, lastName, title] = [value('firstName'), value('lastName'), value('title')];
    await updateContactColumns(trx, orgId, kept.id, {
      first_name: firstName,
      last_name: lastName,
      title,
      account_id: value('accountId'),
      owner_id: value('ownerId'),
      search_text: searchText(firstName, lastName, title, kept.emails, duplicate.emails),
    });
  },
};

const accountKind: MergeKind<'account'> = {
  table: 'accounts',
  entity: 'account',
  noun: 'account',
  load: loadAccount,
  moves: [
    timelineLinks('account'),
    pointingRecords('contacts', 'account_id', 'contacts'),
    pointingRecords('opportunities', 'account_id', 'opportunities'),
    pointingRecords('cases', 'account_id', 'cases'),
    pointingRecords('tasks', 'account_id', 'tasks'),
    accountDomains,
  ],
  async keepFields(trx, orgId, kept, duplicate, take) {
    const value = chosen(kept, duplicate, take);
    const [name, website, industry] = [value('name'), value('website'), value('industry')];
    await updateAccountColumns(trx, orgId, kept.id, {
      name,
      website,
      industry,
      phone: value('phone'),
      owner_id: value('ownerId'),
      search_text: searchText(name, kept.domains, duplicate.domains, website, industry),
    });
  },
};

export const MERGE_KINDS: { [T in MergeableType]: MergeKind<T> } = {
  contact: contactKind,
  account: accountKind,
};
