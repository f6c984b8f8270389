export { emailsRoutes } from './routes.js';
export { fileEmail, unlinkEmail } from './service.js';
export { sanitizeEmailHtml } from './sanitize-email-html.js';
