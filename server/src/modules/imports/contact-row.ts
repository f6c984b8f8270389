import type { Knex } from 'knex';
import type { Contact, ContactPhone } from '@inbox-crm/shared';
import { emailIn, ownerIn, phoneIn, text, type RowValues } from './cell-values.js';
import { addressDomain, companyDomain, domainOf, resolveCompany, type Company } from './company.js';
import type { ImportContext } from './import-context.js';
import { RowRefused } from './outcome.js';
import { differing, type Changes } from './record-writer.js';

export interface ContactRow {
  email: string;
  /** More addresses of the same person, kept after the first. */
  otherEmails: string[];
  firstName: string | undefined;
  lastName: string | undefined;
  title: string | undefined;
  phones: ContactPhone[];
  company: Company;
  ownerId: string | undefined;
}

/** The other addresses of a row (separated by semicolons, commas or spaces), each checked. */
function otherEmailsIn(values: RowValues, first: string): string[] {
  const cell = values.otherEmails;
  if (cell === undefined) return [];
  const addresses = cell.split(/[\s,;]+/).filter(Boolean);
  return [...new Set(addresses.map((address) => emailIn({ address }, 'address', 'Other email')!))].filter(
    (address) => address !== first,
  );
}

/** First and last name from their own columns, or a full name split at its last space. */
function names(values: RowValues): { firstName: string | undefined; lastName: string | undefined } {
  const firstName = text(values, 'firstName', 'First name', 100);
  const lastName = text(values, 'lastName', 'Last name', 100);
  const full = text(values, 'fullName', 'Full name', 200);
  if (firstName !== undefined || lastName !== undefined || full === undefined) return { firstName, lastName };
  const space = full.lastIndexOf(' ');
  return space < 0
    ? { firstName: undefined, lastName: full }
    : { firstName: full.slice(0, space).trim(), lastName: full.slice(space + 1) };
}

/** A contact row's values, checked; matched by address, its company by domain (the company's, or the address's), then name. */
export function readContactRow(values: RowValues, context: ImportContext): ContactRow {
  const email = emailIn(values, 'email', 'Email');
  if (email === undefined) throw new RowRefused('The email is empty: contacts are matched by their address.');
  const country = context.mail.defaultCountry;
  const phone = phoneIn(values, 'phone', 'Phone', country);
  const mobile = phoneIn(values, 'mobile', 'Mobile', country);
  const companyName = text(values, 'account', 'Company', 200);
  const named =
    values.accountDomain === undefined ? null : companyDomain(domainOf(values.accountDomain), context);
  return {
    email,
    otherEmails: otherEmailsIn(values, email),
    ...names(values),
    title: text(values, 'title', 'Job title', 200),
    phones: [
      ...(phone ? [{ number: phone, label: 'work' as const }] : []),
      ...(mobile ? [{ number: mobile, label: 'mobile' as const }] : []),
    ],
    company: { name: companyName, domain: named ?? addressDomain(email, context) },
    ownerId: ownerIn(values, context),
  };
}

/** The company a matched row names for its contact, or null when it leaves the contact's as it is. */
export const companyToResolve = (row: ContactRow, existing: Contact): Company | null =>
  row.company.name === undefined && existing.accountId !== null ? null : row.company;

type Resolved = Awaited<ReturnType<typeof resolveCompany>>;

/** What a row changes on the contact it matched, its company resolved: names, title, owner, company, added addresses and phones. */
export function changesWith(row: ContactRow, existing: Contact, company: Resolved): Changes {
  const known = new Set(existing.phones.map((phone) => phone.number));
  const newPhones = row.phones.filter((phone) => !known.has(phone.number));
  const addresses = [...new Set([...existing.emails, row.email, ...row.otherEmails])];
  const fields = differing(existing, {
    emails: addresses.length > existing.emails.length ? addresses : undefined,
    firstName: row.firstName,
    lastName: row.lastName,
    title: row.title,
    phones: newPhones.length > 0 ? [...existing.phones, ...newPhones] : undefined,
    accountId: company?.accountId,
    ownerId: row.ownerId,
  });
  return { fields, createdAccountId: company?.made ? company.accountId : null };
}

/** What a row changes on the contact it matched (one row: its company looked up on its own). */
export async function contactChanges(
  trx: Knex.Transaction,
  context: ImportContext,
  row: ContactRow,
  existing: Contact,
): Promise<Changes> {
  const company = companyToResolve(row, existing);
  const resolved =
    company === null ? null : await resolveCompany(trx, context, company, context.settings.mode !== 'update');
  return changesWith(row, existing, resolved);
}
