import type { Knex } from 'knex';
import { ContactCreate, ContactUpdate, type Contact } from '@inbox-crm/shared';
import { DomainError, Unprocessable } from '../../errors.js';
import {
  contactsHoldingEmails,
  insertContactsIn,
  loadContacts,
  updateContactsIn,
  type ContactChanges,
  type NewContact,
} from '../contacts/index.js';
import { suppressedAddresses } from '../privacy/index.js';
import { resolveCompanies } from './company.js';
import { changesWith, companyToResolve, type ContactRow } from './contact-row.js';
import type { ImportContext } from './import-context.js';
import { RowRefused, unchangedOutcome, updatedOutcome, type Written } from './outcome.js';
import { checked, type Made } from './record-writer.js';

/** The contacts holding the rows' addresses, one lookup for all: a contact, none, or why the row stops. */
export async function findContacts(
  trx: Knex.Transaction,
  context: ImportContext,
  rows: readonly ContactRow[],
): Promise<(Contact | undefined | RowRefused)[]> {
  const { orgId } = context.actor;
  const holders = await contactsHoldingEmails(
    trx,
    orgId,
    rows.map((row) => row.email),
  );
  const live = [...new Set([...holders.values()].filter((holder) => holder.live).map((holder) => holder.id))];
  const loaded = new Map((await loadContacts(trx, orgId, live)).map((contact) => [contact.id, contact]));
  return rows.map((row) => {
    const holder = holders.get(row.email);
    if (!holder) return undefined;
    if (!holder.live)
      return new RowRefused(`${row.email} belongs to a contact in the trash: restore it first.`);
    return loaded.get(holder.id);
  });
}

function newContact(row: ContactRow, accountId: string | null, ownerId: string): NewContact {
  const input = checked(ContactCreate, {
    firstName: row.firstName ?? '',
    lastName: row.lastName ?? '',
    emails: [row.email, ...row.otherEmails],
    phones: row.phones,
  });
  if (input.firstName === '' && input.lastName === '')
    throw new RowRefused('A contact needs a first or a last name.');
  return {
    firstName: input.firstName!,
    lastName: input.lastName!,
    title: row.title ?? null,
    accountId,
    ownerId: row.ownerId ?? ownerId,
    emails: input.emails!,
    phones: row.phones,
  };
}

/**
 * Makes the contacts of many new rows at once: their companies found or made together, then one
 * insert for all the contacts. A row the rules refuse is answered with why; if the batch itself is
 * refused (someone took an address meanwhile), that is thrown, and the caller takes the rows one by one.
 */
export async function createContacts(
  trx: Knex.Transaction,
  context: ImportContext,
  rows: readonly ContactRow[],
): Promise<(Made | Error)[]> {
  const { actor } = context;
  const suppressed = await suppressedAddresses(
    trx,
    actor.orgId,
    rows.flatMap((row) => [row.email, ...row.otherEmails]),
  );
  const results: (Made | Error | null)[] = rows.map((row) =>
    [row.email, ...row.otherEmails].some((email) => suppressed.has(email))
      ? new Unprocessable('suppressed', 'This person asked to be forgotten.')
      : null,
  );
  const open = rows.map((row, index) => ({ row, index })).filter(({ index }) => results[index] === null);
  const companies = await resolveCompanies(
    trx,
    context,
    open.map(({ row }) => row.company),
    true,
  );
  const inserts: { index: number; input: NewContact; createdAccountId: string | null }[] = [];
  open.forEach(({ row, index }, position) => {
    const company = companies[position]!;
    if (company instanceof RowRefused) {
      results[index] = company;
      return;
    }
    try {
      inserts.push({
        index,
        input: newContact(row, company?.accountId ?? null, actor.userId),
        createdAccountId: company?.made ? company.accountId : null,
      });
    } catch (error) {
      if (!(error instanceof RowRefused || error instanceof DomainError)) throw error;
      results[index] = error;
    }
  });
  const contacts = await insertContactsIn(
    trx,
    actor,
    inserts.map(({ input }) => input),
  );
  inserts.forEach(({ index, createdAccountId }, position) => {
    results[index] = { id: contacts[position]!.id, createdAccountId };
  });
  return results as (Made | Error)[];
}

/**
 * Changes the contacts of many matched rows at once: their companies looked up together, each row's
 * changes worked out as one row's are, then one update for all that change. A row the rules refuse
 * is answered with why.
 */
export async function updateContacts(
  trx: Knex.Transaction,
  context: ImportContext,
  items: readonly { row: ContactRow; existing: Contact }[],
): Promise<(Written | Error)[]> {
  const results: (Written | Error)[] = [];
  const changing: {
    index: number;
    before: Contact;
    fields: ContactChanges;
    createdAccountId: string | null;
  }[] = [];
  const wanted = items.map(({ row, existing }) => companyToResolve(row, existing));
  const resolved = await resolveCompanies(
    trx,
    context,
    wanted.filter((company) => company !== null),
    context.settings.mode !== 'update',
  );
  let next = 0;
  const companies = wanted.map((company) => (company === null ? null : resolved[next++]!));
  for (const [index, { row, existing }] of items.entries()) {
    try {
      const company = companies[index] ?? null;
      if (company instanceof RowRefused) throw company;
      const { fields, createdAccountId } = changesWith(row, existing, company);
      if (Object.keys(fields).length === 0) {
        results[index] = unchangedOutcome(existing.id);
        continue;
      }
      checked(ContactUpdate, { ...fields, version: existing.version });
      changing.push({ index, before: existing, fields: fields as ContactChanges, createdAccountId });
    } catch (error) {
      if (!(error instanceof RowRefused || error instanceof DomainError)) throw error;
      results[index] = error;
    }
  }
  const updated = await updateContactsIn(trx, context.actor, changing);
  changing.forEach(({ index, before, fields, createdAccountId }, position) => {
    results[index] = updatedOutcome(before, updated[position]!, Object.keys(fields), createdAccountId);
  });
  return results;
}
