import { ContactCreate, ContactUpdate, type Contact, type ContactPhone } from '@inbox-crm/shared';
import { contactHoldingEmail, contactsService } from '../contacts/index.js';
import { emailIn, ownerIn, phoneIn, text, type RowValues } from './cell-values.js';
import { addressDomain, domainOf, resolveCompany, companyDomain, type Company } from './company.js';
import { RowRefused } from './outcome.js';
import { createContacts, findContacts, updateContacts } from './contact-batch.js';
import { checked, differing, type RecordWriter } from './record-writer.js';

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

/** Contacts are matched by address; their company by domain (the company's, or the address's), then name. */
export const contactWriter: RecordWriter<ContactRow, Contact> = {
  table: 'contacts',
  read(values, context) {
    const email = emailIn(values, 'email', 'Email');
    if (email === undefined)
      throw new RowRefused('The email is empty: contacts are matched by their address.');
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
  },
  label: (row) => row.email,
  key: (row) => row.email,
  async find(trx, context, row) {
    const holder = await contactHoldingEmail(trx, context.actor.orgId, row.email);
    if (!holder) return undefined;
    if (!holder.live)
      throw new RowRefused(`${row.email} belongs to a contact in the trash: restore it first.`);
    return contactsService.get(trx, context.actor, holder.id);
  },
  async create(trx, context, row) {
    const company = await resolveCompany(trx, context, row.company, true);
    const contact = await contactsService.create(
      trx,
      context.actor,
      checked(ContactCreate, {
        firstName: row.firstName ?? '',
        lastName: row.lastName ?? '',
        emails: [row.email, ...row.otherEmails],
        ...(row.title !== undefined ? { title: row.title } : {}),
        phones: row.phones,
        accountId: company?.accountId ?? null,
        ...(row.ownerId !== undefined ? { ownerId: row.ownerId } : {}),
      }),
    );
    return { id: contact.id, createdAccountId: company?.made ? company.accountId : null };
  },
  async changes(trx, context, row, existing) {
    const company =
      row.company.name === undefined && existing.accountId !== null
        ? null
        : await resolveCompany(trx, context, row.company, context.settings.mode !== 'update');
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
  },
  findMany: findContacts,
  createMany: createContacts,
  updateMany: (trx, context, items) => updateContacts(trx, context, items),
  get: (trx, actor, id) => contactsService.get(trx, actor, id),
  update: (trx, actor, id, fields) =>
    contactsService.update(trx, actor, id, checked(ContactUpdate, fields as ContactUpdate)),
};
