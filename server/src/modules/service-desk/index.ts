export { supportMailboxRoutes } from './routes.js';
export { MailboxReaders, type MailboxReadersOptions } from './mailbox-readers.js';
