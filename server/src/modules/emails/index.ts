export { emailsRoutes } from './routes.js';
export { deleteEmail, fileEmail, unlinkEmail } from './service.js';
export { sanitizeEmailHtml } from './sanitize-email-html.js';
