import type { Knex } from 'knex';
import {
  normalizeEmail,
  type Contact,
  type ContactCreate,
  type ContactListQuery,
  type ContactPhone,
  type ContactUpdate,
} from '@inbox-crm/shared';
import type { Actor, AuditActor } from '../../actor.js';
import { searchText } from '../../db/search.js';
import { iso, type Db } from '../../db/types.js';
import { Conflict, StaleVersion, Unprocessable, ValidationFailed } from '../../errors.js';
import { mailSettings } from '../organisation/index.js';
import { suppressedAddresses } from '../privacy/index.js';
import {
  checkReferences,
  createRecord,
  insertRecord,
  insertRecords,
  publishUpdates,
  normalizePhone,
  type RecordKind,
  recordService,
  referencesIn,
  updateRecord,
} from '../records/index.js';
import * as contacts from './repository.js';
import { displayName } from './repository.js';

const contactKind: RecordKind<Contact> = {
  table: 'contacts',
  entity: 'contact',
  label: 'Contact',
  load: contacts.loadContact,
};

const uniqueEmails = (emails: readonly string[]) => [...new Set(emails.map(normalizeEmail))];

function uniquePhones(phones: ContactPhone[]): ContactPhone[] {
  return phones.filter(
    (phone, index) => phones.findIndex((other) => other.number === phone.number) === index,
  );
}

async function normalizedPhones(
  db: Knex,
  actor: Actor,
  input: ContactCreate | ContactUpdate,
): Promise<ContactPhone[] | undefined> {
  if (input.phones === undefined) return undefined;
  const { defaultCountry } = await mailSettings(db, actor.orgId);
  return uniquePhones(
    input.phones.map((phone, index) => ({
      number: normalizePhone(phone.number, defaultCountry, `/phones/${index}/number`),
      label: phone.label ?? 'work',
    })),
  );
}

function requireName(first: string, last: string): void {
  if (first === '' && last === '') {
    throw new ValidationFailed('A contact needs a first or a last name.', [
      { in: 'body', path: '/lastName', message: 'must not be empty when firstName is empty' },
    ]);
  }
}

const REFERENCES = { accountId: 'account', ownerId: 'user' } as const;

/** An address on the suppression list belongs to someone who asked to be forgotten: never a contact again. */
async function refuseSuppressed(db: Db, orgId: string, emails: readonly string[]): Promise<void> {
  const suppressed = [...(await suppressedAddresses(db, orgId, emails))];
  if (suppressed.length > 0) {
    throw new Unprocessable(
      'suppressed',
      `${suppressed[0]} belongs to someone who asked to be forgotten: it cannot be kept on a contact.`,
      suppressed.map((email) => ({
        in: 'body',
        path: `/emails/${emails.indexOf(email)}`,
        message: 'asked to be forgotten',
      })),
    );
  }
}

/** Gives the contact exactly these addresses, the first primary; one another contact holds is a 409. */
async function giveEmails(db: Db, orgId: string, contactId: string, emails: readonly string[]) {
  await refuseSuppressed(db, orgId, emails);
  const taken = await contacts.emailsHeldElsewhere(db, orgId, contactId, emails);
  if (taken.length > 0) {
    throw new Conflict(`${taken[0]!.email} already belongs to another contact.`, taken);
  }
  await contacts.replaceEmails(db, orgId, contactId, emails);
}

async function createContact(db: Knex, actor: Actor, input: ContactCreate): Promise<Contact> {
  const firstName = input.firstName?.trim() ?? '';
  const lastName = input.lastName?.trim() ?? '';
  requireName(firstName, lastName);
  const emails = uniqueEmails(input.emails ?? []);
  const phones = (await normalizedPhones(db, actor, input)) ?? [];
  return createRecord(db, actor, contactKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    await contacts.insertContact(trx, actor.orgId, id, {
      first_name: firstName,
      last_name: lastName,
      title: input.title ?? null,
      account_id: input.accountId ?? null,
      owner_id: input.ownerId === undefined ? actor.userId : input.ownerId,
      search_text: searchText(firstName, lastName, input.title, emails),
    });
    await giveEmails(trx, actor.orgId, id, emails);
    await contacts.replacePhones(trx, actor.orgId, id, phones);
  });
}

async function updateContact(db: Knex, actor: Actor, id: string, input: ContactUpdate): Promise<Contact> {
  const phones = await normalizedPhones(db, actor, input);
  const emails = input.emails && uniqueEmails(input.emails);
  return updateRecord(db, actor, contactKind, id, input.version, async (trx, before) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    const firstName = input.firstName?.trim() ?? before.firstName;
    const lastName = input.lastName?.trim() ?? before.lastName;
    requireName(firstName, lastName);
    const title = input.title === undefined ? before.title : input.title;
    await contacts.updateContactColumns(trx, actor.orgId, id, {
      first_name: firstName,
      last_name: lastName,
      title,
      ...(input.accountId !== undefined ? { account_id: input.accountId } : {}),
      ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
      search_text: searchText(firstName, lastName, title, emails ?? before.emails),
    });
    if (emails) await giveEmails(trx, actor.orgId, id, emails);
    if (phones) await contacts.replacePhones(trx, actor.orgId, id, phones);
  });
}

export const contactsService = recordService<Contact, ContactCreate, ContactUpdate, ContactListQuery>(
  contactKind,
  {
    list: (db, actor, query) => contacts.listContacts(db, actor.orgId, query),
    create: createContact,
    update: updateContact,
  },
);

/**
 * A contact made by automation (a support mailbox meeting a new sender), in the caller's
 * transaction, with one address that no contact holds yet.
 */
export function insertContactIn(
  trx: Knex.Transaction,
  actor: AuditActor,
  input: { firstName: string; lastName: string; email: string; accountId: string | null },
): Promise<Contact> {
  const email = normalizeEmail(input.email);
  return insertRecord(trx, actor, contactKind, async (inner, id) => {
    await contacts.insertContact(inner, actor.orgId, id, {
      first_name: input.firstName,
      last_name: input.lastName,
      account_id: input.accountId,
      owner_id: null,
      search_text: searchText(input.firstName, input.lastName, [email]),
    });
    await contacts.addEmails(inner, actor.orgId, id, [email]);
  });
}

/** A contact an import makes, with its owner settled (the importing person when the file names none). */
export interface NewContact {
  firstName: string;
  lastName: string;
  title: string | null;
  accountId: string | null;
  ownerId: string | null;
  /** Normalized; the first is the primary. */
  emails: string[];
  /** In E.164. */
  phones: ContactPhone[];
}

/**
 * Many new contacts at once (an import), in the caller's transaction, by the rules one contact is
 * made by: a name, addresses that no contact holds and nobody asked to be forgotten by, records that
 * exist; then each published as any new contact is. A batch that breaks a rule is refused whole:
 * the caller checks its rows first and takes a refused batch one row at a time.
 */
export async function insertContactsIn(
  trx: Knex.Transaction,
  actor: AuditActor,
  inputs: readonly NewContact[],
): Promise<Contact[]> {
  if (inputs.length === 0) return [];
  for (const input of inputs) requireName(input.firstName, input.lastName);
  const emails = inputs.flatMap((input) => input.emails);
  if (new Set(emails).size < emails.length) throw new Conflict('Two new contacts have the same address.');
  await refuseSuppressed(trx, actor.orgId, emails);
  const held = await contacts.emailsHeld(trx, actor.orgId, emails);
  if (held.length > 0) throw new Conflict(`${held[0]} already belongs to another contact.`);
  await checkReferences(
    trx,
    actor.orgId,
    inputs.flatMap((input, index) => [
      { field: `${index}/accountId`, type: 'account' as const, id: input.accountId },
      { field: `${index}/ownerId`, type: 'user' as const, id: input.ownerId },
    ]),
  );
  return insertRecords(trx, actor, contactKind, inputs.length, (inner, ids) =>
    contacts.insertContacts(
      inner,
      actor.orgId,
      inputs.map((input, index) => ({
        id: ids[index]!,
        first_name: input.firstName,
        last_name: input.lastName,
        title: input.title,
        account_id: input.accountId,
        owner_id: input.ownerId,
        search_text: searchText(input.firstName, input.lastName, input.title, input.emails),
        emails: input.emails,
        phones: input.phones,
      })),
    ),
  );
}

/** What an import changes on a contact it matched: any of these fields, as the API names them. */
export type ContactChanges = Partial<
  Pick<Contact, 'firstName' | 'lastName' | 'title' | 'accountId' | 'ownerId' | 'emails' | 'phones'>
>;

/**
 * Many contacts changed at once (an import), in the caller's transaction, by the rules one update
 * follows: each still at the version it was read at, a name, addresses nobody else holds or asked
 * to be forgotten by, records that exist; then each published as any update is. A batch that breaks
 * a rule is refused whole: the caller takes it one contact at a time.
 */
export async function updateContactsIn(
  trx: Knex.Transaction,
  actor: AuditActor,
  changes: readonly { before: Contact; fields: ContactChanges }[],
): Promise<Contact[]> {
  if (changes.length === 0) return [];
  const locked = await contacts.lockContacts(
    trx,
    actor.orgId,
    changes.map(({ before }) => before.id),
  );
  for (const { before } of changes) {
    const now = locked.get(before.id);
    if (!now?.live || now.version !== before.version) {
      throw new StaleVersion('This contact', now?.version ?? before.version, undefined);
    }
  }
  const afters = changes.map(({ before, fields }) => ({ ...before, ...fields }));
  for (const after of afters) requireName(after.firstName, after.lastName);
  const emails = changes.flatMap(({ fields }) => fields.emails ?? []);
  await refuseSuppressed(trx, actor.orgId, emails);
  const owners = new Map(
    changes.flatMap(({ before, fields }) =>
      (fields.emails ?? []).map((email) => [email, before.id] as const),
    ),
  );
  if (owners.size < emails.length) throw new Conflict('Two contacts would have the same address.');
  const taken = await contacts.emailsHeldByOthers(trx, actor.orgId, emails, owners);
  if (taken.length > 0) throw new Conflict(`${taken[0]} already belongs to another contact.`);
  await checkReferences(
    trx,
    actor.orgId,
    changes.flatMap(({ fields }, index) => [
      { field: `${index}/accountId`, type: 'account' as const, id: fields.accountId ?? null },
      { field: `${index}/ownerId`, type: 'user' as const, id: fields.ownerId ?? null },
    ]),
  );
  const stored = await contacts.reviseContacts(
    trx,
    actor.orgId,
    afters.map((after, index) => ({
      id: after.id,
      first_name: after.firstName,
      last_name: after.lastName,
      title: after.title,
      account_id: after.accountId,
      owner_id: after.ownerId,
      search_text: searchText(after.firstName, after.lastName, after.title, after.emails),
      ...(changes[index]!.fields.emails ? { emails: after.emails } : {}),
      ...(changes[index]!.fields.phones ? { phones: after.phones } : {}),
    })),
  );
  const updated = afters.map((after) => {
    const row = stored.get(after.id)!;
    return {
      ...after,
      name: displayName(after.firstName, after.lastName),
      version: row.version,
      updatedAt: iso(row.updated_at),
    };
  });
  await publishUpdates(
    trx,
    actor,
    contactKind,
    updated.map((after, index) => ({ before: changes[index]!.before, after })),
  );
  return updated;
}
