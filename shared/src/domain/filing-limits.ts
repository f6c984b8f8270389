import type { EmailFile } from '../schemas/emails.js';
import { MAX_ATTACHMENTS, MAX_BODY_HTML, MAX_BODY_TEXT, MAX_RECIPIENTS } from '../schemas/limits.js';
import { isEmailAddress } from './email-address.js';

const MAX_SUBJECT = 2000;

/**
 * A filing request cut to what the server takes, so that a long message is still filed: recipients
 * that are addresses (Exchange hands over X.500 paths now and then) and no more than the limit, the
 * text body cut, an HTML body over the limit left out (it cannot be cut safely), attachments capped.
 */
export function withinFilingLimits(file: EmailFile): EmailFile {
  const usable = (parties: EmailFile['to'] | undefined) =>
    (parties ?? []).filter((party) => isEmailAddress(party.email)).slice(0, MAX_RECIPIENTS);
  return {
    ...file,
    subject: file.subject.slice(0, MAX_SUBJECT),
    to: usable(file.to),
    cc: usable(file.cc),
    bodyText: file.bodyText == null ? null : file.bodyText.slice(0, MAX_BODY_TEXT),
    bodyHtml: file.bodyHtml != null && file.bodyHtml.length <= MAX_BODY_HTML ? file.bodyHtml : null,
    attachments: (file.attachments ?? []).slice(0, MAX_ATTACHMENTS),
  };
}
