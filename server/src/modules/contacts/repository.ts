import { preparedStatement } from '../../db/prepared-statement.js';
import type { Contact, ContactListQuery, ContactPhone, PageOf } from '@inbox-crm/shared';
import { pageById } from '../../db/pagination.js';
import { whereSearchMatches } from '../../db/search.js';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import type { Db } from '../../db/types.js';

interface ContactRow extends RecordMetaRow {
  first_name: string;
  last_name: string;
  title: string | null;
  account_id: string | null;
  owner_id: string | null;
  emails: string[];
  phones: ContactPhone[];
  merged_into_id: string | null;
}

export interface ContactColumns {
  first_name?: string;
  last_name?: string;
  title?: string | null;
  account_id?: string | null;
  owner_id?: string | null;
  search_text?: string;
}

export const displayName = (first: string, last: string) => `${first} ${last}`.trim();

const toContact = (row: ContactRow): Contact => ({
  ...recordMeta(row),
  firstName: row.first_name,
  lastName: row.last_name,
  name: displayName(row.first_name, row.last_name),
  title: row.title,
  accountId: row.account_id,
  emails: row.emails,
  phones: row.phones,
  ownerId: row.owner_id,
  mergedIntoId: row.merged_into_id,
});

function selectContacts(db: Db, orgId: string) {
  return db('contacts as c')
    .where('c.org_id', orgId)
    .select(
      'c.*',
      db.raw(
        `ARRAY(SELECT e.email FROM contact_emails e WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.position, e.email) AS emails`,
      ),
      db.raw(
        `COALESCE((SELECT json_agg(json_build_object('number', p.phone, 'label', p.label) ORDER BY p.position)
           FROM contact_phones p WHERE p.org_id = c.org_id AND p.contact_id = c.id), '[]'::json) AS phones`,
      ),
    );
}

export async function loadContact(db: Db, orgId: string, id: string): Promise<Contact | undefined> {
  const row = (await selectContacts(db, orgId).where('c.id', id).first()) as ContactRow | undefined;
  return row && toContact(row);
}

/** Contacts by id, live or in the trash, in no particular order. */
export async function loadContacts(db: Db, orgId: string, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const rows = (await selectContacts(db, orgId).whereIn('c.id', ids)) as ContactRow[];
  return rows.map(toContact);
}

/** The contacts holding these addresses (live or in the trash), by address. */
export async function contactsHoldingEmails(
  db: Db,
  orgId: string,
  emails: readonly string[],
): Promise<Map<string, { id: string; live: boolean }>> {
  if (emails.length === 0) return new Map();
  const rows = (await db('contact_emails as e')
    .join('contacts as c', function joinContact() {
      this.on('c.org_id', 'e.org_id').andOn('c.id', 'e.contact_id');
    })
    .where('e.org_id', orgId)
    .whereIn('e.email', emails)
    .select('e.email', 'c.id', 'c.deleted_at')) as { email: string; id: string; deleted_at: Date | null }[];
  return new Map(rows.map((row) => [row.email, { id: row.id, live: row.deleted_at === null }]));
}

export function listContacts(db: Db, orgId: string, query: ContactListQuery): Promise<PageOf<Contact>> {
  const builder = selectContacts(db, orgId);
  if (query.deleted) builder.whereNotNull('c.deleted_at');
  else builder.whereNull('c.deleted_at');
  if (query.accountId) builder.where('c.account_id', query.accountId);
  if (query.ownerId) builder.where('c.owner_id', query.ownerId);
  if (query.email) {
    builder.whereExists(
      db('contact_emails as e')
        .whereRaw('e.org_id = c.org_id AND e.contact_id = c.id')
        .where('e.email', query.email.trim().toLowerCase()),
    );
  }
  whereSearchMatches(builder, 'c.search_vector', query.q);
  return pageById(builder, { ...query, idColumn: 'c.id' }, toContact);
}

export async function insertContact(
  db: Db,
  orgId: string,
  id: string,
  columns: ContactColumns,
): Promise<void> {
  await db('contacts').insert({ org_id: orgId, id, ...columns });
}

/** A new contact as insertContacts writes it. */
export interface NewContactRow {
  id: string;
  first_name: string;
  last_name: string;
  title: string | null;
  account_id: string | null;
  owner_id: string | null;
  search_text: string;
  emails: readonly string[];
  phones: readonly ContactPhone[];
}

// Rows per INSERT: the widest (contacts, 8 values a row) stays well under PostgreSQL's 65,535 parameters.
const ROWS_PER_INSERT = 1000;

async function insertInSlices(db: Db, table: string, rows: readonly object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db(table).insert(rows.slice(start, start + ROWS_PER_INSERT));
  }
}

const emailRows = (orgId: string, rows: readonly { id: string; emails?: readonly string[] }[]) =>
  rows.flatMap((row) =>
    (row.emails ?? []).map((email, position) => ({ org_id: orgId, contact_id: row.id, email, position })),
  );

const phoneRows = (orgId: string, rows: readonly { id: string; phones?: readonly ContactPhone[] }[]) =>
  rows.flatMap((row) =>
    (row.phones ?? []).map((phone, position) => ({
      org_id: orgId,
      contact_id: row.id,
      phone: phone.number,
      label: phone.label,
      position,
    })),
  );

/** Gives these contacts exactly these rows of a table of theirs (addresses, phones). */
async function replaceRows(
  db: Db,
  orgId: string,
  table: string,
  contactIds: readonly string[],
  rows: readonly object[],
) {
  if (contactIds.length === 0) return;
  await db(table).where({ org_id: orgId }).whereIn('contact_id', contactIds).delete();
  await insertInSlices(db, table, rows);
}

/** Many new contacts with their addresses and phones, a statement per table: the contacts as stored. */
export async function insertContacts(
  db: Db,
  orgId: string,
  rows: readonly NewContactRow[],
): Promise<Contact[]> {
  const stored: RecordMetaRow[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const slice = rows.slice(start, start + ROWS_PER_INSERT);
    stored.push(
      ...((await db('contacts')
        .insert(
          slice.map(({ emails: _emails, phones: _phones, ...columns }) => ({ org_id: orgId, ...columns })),
        )
        .returning(['id', 'version', 'created_at', 'updated_at', 'deleted_at'])) as RecordMetaRow[]),
    );
  }
  await insertInSlices(db, 'contact_emails', emailRows(orgId, rows));
  await insertInSlices(db, 'contact_phones', phoneRows(orgId, rows));
  const meta = new Map(stored.map((row) => [row.id, row]));
  return rows.map((row) =>
    toContact({
      ...meta.get(row.id)!,
      first_name: row.first_name,
      last_name: row.last_name,
      title: row.title,
      account_id: row.account_id,
      owner_id: row.owner_id,
      emails: [...row.emails],
      phones: [...row.phones],
      merged_into_id: null,
    }),
  );
}

/** A contact's columns after a bulk update, and the addresses and phones it now has when they changed. */
export type ContactRevision = Omit<NewContactRow, 'emails' | 'phones'> &
  Partial<Pick<NewContactRow, 'emails' | 'phones'>>;

/** Locks the contacts for this transaction: their versions, live or not. */
export async function lockContacts(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, { version: number; live: boolean }>> {
  const rows = (await db('contacts')
    .where({ org_id: orgId })
    .whereIn('id', ids)
    .forUpdate()
    .select('id', 'version', 'deleted_at')) as { id: string; version: number; deleted_at: Date | null }[];
  return new Map(rows.map((row) => [row.id, { version: row.version, live: row.deleted_at === null }]));
}

/** Writes many contacts' new columns (and addresses and phones, where they changed) and bumps their versions. */
export async function reviseContacts(
  db: Db,
  orgId: string,
  revisions: readonly ContactRevision[],
): Promise<Map<string, { version: number; updated_at: Date }>> {
  const stored = new Map<string, { version: number; updated_at: Date }>();
  for (let start = 0; start < revisions.length; start += ROWS_PER_INSERT) {
    const slice = revisions.slice(start, start + ROWS_PER_INSERT);
    const values = slice
      .map(() => '(CAST(? AS uuid), ?, ?, ?, CAST(? AS uuid), CAST(? AS uuid), ?)')
      .join(', ');
    const { rows } = await db.raw<{ rows: { id: string; version: number; updated_at: Date }[] }>(
      `UPDATE contacts AS c SET first_name = v.first_name, last_name = v.last_name, title = v.title,
         account_id = v.account_id, owner_id = v.owner_id, search_text = v.search_text,
         version = c.version + 1, updated_at = now()
       FROM (VALUES ${values}) AS v (id, first_name, last_name, title, account_id, owner_id, search_text)
       WHERE c.org_id = ? AND c.id = v.id
       RETURNING c.id, c.version, c.updated_at`,
      [
        ...slice.flatMap((row) => [
          row.id,
          row.first_name,
          row.last_name,
          row.title,
          row.account_id,
          row.owner_id,
          row.search_text,
        ]),
        orgId,
      ],
    );
    for (const row of rows) stored.set(row.id, row);
  }
  const withEmails = revisions.filter((row) => row.emails !== undefined);
  await replaceRows(
    db,
    orgId,
    'contact_emails',
    withEmails.map((row) => row.id),
    emailRows(orgId, withEmails),
  );
  const withPhones = revisions.filter((row) => row.phones !== undefined);
  await replaceRows(
    db,
    orgId,
    'contact_phones',
    withPhones.map((row) => row.id),
    phoneRows(orgId, withPhones),
  );
  return stored;
}

/** The contacts other than `owners` that hold any of these addresses. */
export async function emailsHeldByOthers(
  db: Db,
  orgId: string,
  emails: readonly string[],
  owners: ReadonlyMap<string, string>,
): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = (await db('contact_emails')
    .where({ org_id: orgId })
    .whereIn('email', emails)
    .select('email', 'contact_id')) as { email: string; contact_id: string }[];
  return rows.filter((row) => owners.get(row.email) !== row.contact_id).map((row) => row.email);
}

/** Which of these addresses any contact holds. */
export async function emailsHeld(db: Db, orgId: string, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  return (await db('contact_emails')
    .where({ org_id: orgId })
    .whereIn('email', emails)
    .pluck('email')) as string[];
}

export async function updateContactColumns(
  db: Db,
  orgId: string,
  id: string,
  columns: ContactColumns,
): Promise<void> {
  if (Object.keys(columns).length > 0) await db('contacts').where({ org_id: orgId, id }).update(columns);
}

/** Which of these addresses other contacts hold already, and which contact holds each. */
export async function emailsHeldElsewhere(
  db: Db,
  orgId: string,
  contactId: string,
  emails: readonly string[],
): Promise<{ email: string; contactId: string }[]> {
  if (emails.length === 0) return [];
  const rows = (await db('contact_emails')
    .where({ org_id: orgId })
    .whereIn('email', emails)
    .whereNot({ contact_id: contactId })
    .select('email', 'contact_id')) as { email: string; contact_id: string }[];
  return rows.map((row) => ({ email: row.email, contactId: row.contact_id }));
}

/** Gives the contact exactly these addresses, the first primary (none held by another contact). */
export async function replaceEmails(
  db: Db,
  orgId: string,
  contactId: string,
  emails: readonly string[],
): Promise<void> {
  await db('contact_emails').where({ org_id: orgId, contact_id: contactId }).delete();
  await addEmails(db, orgId, contactId, emails);
}

/** Gives a contact that has none these addresses, the first primary. */
export async function addEmails(
  db: Db,
  orgId: string,
  contactId: string,
  emails: readonly string[],
): Promise<void> {
  if (emails.length > 0) {
    await db('contact_emails').insert(
      emails.map((email, position) => ({ org_id: orgId, contact_id: contactId, email, position })),
    );
  }
}

export async function replacePhones(
  db: Db,
  orgId: string,
  contactId: string,
  phones: readonly ContactPhone[],
): Promise<void> {
  await db('contact_phones').where({ org_id: orgId, contact_id: contactId }).delete();
  if (phones.length > 0) {
    await db('contact_phones').insert(
      phones.map((phone, position) => ({
        org_id: orgId,
        contact_id: contactId,
        phone: phone.number,
        label: phone.label,
        position,
      })),
    );
  }
}

/** The contact holding an address (live or in the trash), with its account. */
const CONTACT_HOLDING_EMAIL = `SELECT c.id, c.account_id, c.deleted_at
  FROM contact_emails e JOIN contacts c ON c.org_id = e.org_id AND c.id = e.contact_id
  WHERE e.org_id = ? AND e.email = ? LIMIT 1`;

export async function contactHoldingEmail(
  db: Db,
  orgId: string,
  email: string,
): Promise<{ id: string; accountId: string | null; live: boolean } | undefined> {
  const { rows } = await db
    .raw<{ rows: { id: string; account_id: string | null; deleted_at: Date | null }[] }>(
      CONTACT_HOLDING_EMAIL,
      [orgId, email],
    )
    .options(preparedStatement(CONTACT_HOLDING_EMAIL));
  const row = rows[0];
  return row && { id: row.id, accountId: row.account_id, live: row.deleted_at === null };
}
