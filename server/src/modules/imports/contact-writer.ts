import { ContactCreate, ContactUpdate, type Contact } from '@inbox-crm/shared';
import {
  contactHoldingEmail,
  contactsService,
  loadContacts,
  updateContactsIn,
  type ContactChanges,
} from '../contacts/index.js';
import { resolveCompany } from './company.js';
import { createContacts, findContacts, updateContacts } from './contact-batch.js';
import { contactChanges, readContactRow, type ContactRow } from './contact-row.js';
import { RowRefused } from './outcome.js';
import { checked, type RecordWriter } from './record-writer.js';

/** Contacts are matched by address; their company by domain (the company's, or the address's), then name. */
export const contactWriter: RecordWriter<ContactRow, Contact> = {
  table: 'contacts',
  read: readContactRow,
  label: (row) => row.email,
  key: (row) => row.email,
  sideBySide: true,
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
  changes: contactChanges,
  findMany: findContacts,
  createMany: createContacts,
  updateMany: (trx, context, items) => updateContacts(trx, context, items),
  get: (trx, actor, id) => contactsService.get(trx, actor, id),
  getMany: (trx, actor, ids) => loadContacts(trx, actor.orgId, ids),
  reviseMany: (trx, actor, changes) =>
    updateContactsIn(
      trx,
      actor,
      changes.map(({ before, fields }) => {
        checked(ContactUpdate, { ...fields, version: before.version });
        return { before, fields: fields as ContactChanges };
      }),
    ),
  update: (trx, actor, id, fields) =>
    contactsService.update(trx, actor, id, checked(ContactUpdate, fields as ContactUpdate)),
};
