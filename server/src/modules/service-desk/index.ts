export { supportMailboxRoutes } from './routes.js';
export { MailboxReaders, type MailboxReadersOptions } from './mailbox-readers.js';
export { supportMailTransport } from './support-mail.js';
