export { importRoutes } from './routes.js';
export { importWork } from './import-work.js';
export { cancelImportRun, importMailFiles, type MailFolderImport } from './mail-folder.js';
