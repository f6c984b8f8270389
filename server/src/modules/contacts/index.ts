export { contactRoutes } from './routes.js';
export { contactsService } from './service.js';
export { loadContact, updateContactColumns } from './repository.js';
