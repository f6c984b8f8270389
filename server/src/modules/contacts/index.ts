export { contactRoutes } from './routes.js';
export { contactsService, insertContactIn } from './service.js';
export { contactHoldingEmail, loadContact, updateContactColumns } from './repository.js';
