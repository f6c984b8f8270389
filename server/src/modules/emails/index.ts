export { emailsRoutes } from './routes.js';
export {
  checkFiling,
  deleteEmail,
  fileEmail,
  fileEmailIdIn,
  fileEmailIn,
  unlinkEmail,
  type Filer,
  type FilingInput,
} from './service.js';
export { messageKey } from './message-key.js';
export { sanitizeEmailHtml } from './sanitize-email-html.js';
export {
  readInboundMessage,
  UnreadableMessage,
  type InboundFile,
  type InboundMessage,
  type InboundParticipant,
} from './inbound-message.js';
