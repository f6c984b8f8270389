export { contactRoutes } from './routes.js';
export {
  contactsService,
  insertContactIn,
  insertContactsIn,
  updateContactsIn,
  type ContactChanges,
  type NewContact,
} from './service.js';
export {
  contactHoldingEmail,
  contactsHoldingEmails,
  loadContact,
  loadContacts,
  updateContactColumns,
} from './repository.js';
