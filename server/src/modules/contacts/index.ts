export { contactRoutes } from './routes.js';
export { contactsService } from './service.js';
export { loadContact } from './repository.js';
