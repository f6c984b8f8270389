import type { ReactNode } from 'react';
import type { Account, Contact, MergeableType, MergeField, User } from '@inbox-crm/shared/client';
import { formatPhoneForReading } from '@inbox-crm/shared/phone-display';
import { RecordName } from './record-name.js';

export interface MergeRecords {
  contact: Contact;
  account: Account;
}

/** What a value is shown as beside its twin; null when the field is empty. */
type Show<T extends MergeableType> = (record: MergeRecords[T], people: readonly User[]) => ReactNode;

export interface MergeFieldRow<T extends MergeableType> {
  field: MergeField<T>;
  label: string;
  show: Show<T>;
}

const ownerName = (ownerId: string | null, people: readonly User[]) =>
  ownerId && (people.find((person) => person.id === ownerId)?.name ?? 'Someone no longer here');

/** The fields a person picks between, in the order the form shows them. */
export const MERGE_FIELD_ROWS: { [T in MergeableType]: MergeFieldRow<T>[] } = {
  contact: [
    { field: 'firstName', label: 'First name', show: (contact) => contact.firstName || null },
    { field: 'lastName', label: 'Last name', show: (contact) => contact.lastName || null },
    { field: 'title', label: 'Title', show: (contact) => contact.title },
    {
      field: 'accountId',
      label: 'Account',
      show: (contact) =>
        contact.accountId && <RecordName record={{ type: 'account', id: contact.accountId }} />,
    },
    { field: 'ownerId', label: 'Owner', show: (contact, people) => ownerName(contact.ownerId, people) },
  ],
  account: [
    { field: 'name', label: 'Name', show: (account) => account.name },
    { field: 'website', label: 'Website', show: (account) => account.website },
    { field: 'industry', label: 'Industry', show: (account) => account.industry },
    {
      field: 'phone',
      label: 'Phone',
      show: (account) => account.phone && formatPhoneForReading(account.phone),
    },
    { field: 'ownerId', label: 'Owner', show: (account, people) => ownerName(account.ownerId, people) },
  ],
};

/** Two records hold the same value of a field. */
export const sameValue = <T extends MergeableType>(
  field: MergeField<T>,
  a: MergeRecords[T],
  b: MergeRecords[T],
) => (a as unknown as Record<string, unknown>)[field] === (b as unknown as Record<string, unknown>)[field];

/** What both records keep together rather than pick between: addresses and phones, or domains. */
export function pooledValues<T extends MergeableType>(
  type: T,
  kept: MergeRecords[T],
  duplicate: MergeRecords[T],
): [label: string, values: string[]][] {
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
  if (type === 'account') {
    const [a, b] = [kept as Account, duplicate as Account];
    return [['Domains', union(a.domains, b.domains)]];
  }
  const [a, b] = [kept as Contact, duplicate as Contact];
  return [
    ['Email addresses', union(a.emails, b.emails)],
    [
      'Phones',
      union(
        a.phones.map((phone) => phone.number),
        b.phones.map((phone) => phone.number),
      ).map(formatPhoneForReading),
    ],
  ];
}
