import { fileKeepingWhatFits, withinFilingLimits, type RecordRef } from '@inbox-crm/shared';
import { FormProblem } from './form-problem.js';
import type { HandlerContext } from './handler-context.js';

/** How a filing went, in the words the card's notification says. */
export interface FilingOutcome {
  emailId: string;
  /** Whether this filing made the email (else it added to one filed before). */
  created: boolean;
  notice: string;
}

/**
 * Files the open message (read whole from Gmail: bodies and attachments) to these records; files
 * too large to keep are kept by name, and the notice says so.
 */
export async function fileOpenMessage(
  context: HandlerContext,
  links: RecordRef[],
  options: { private?: boolean; onlyIfNew?: boolean } = {},
): Promise<FilingOutcome> {
  if (!context.gmail) throw new FormProblem('Open the message in Gmail to file it.');
  const message = await context.gmail.content();
  if (!message.from) throw new FormProblem('This message has no sender address, so it cannot be filed.');
  const { filed, namesOnly } = await fileKeepingWhatFits(
    withinFilingLimits({
      messageId: message.messageId,
      conversationId: context.event.gmail?.threadId ?? null,
      inReplyTo: message.inReplyTo,
      references: message.references.slice(-200),
      subject: message.subject,
      from: message.from,
      to: message.to,
      cc: message.cc,
      sentAt: message.sentAt,
      bodyText: message.bodyText,
      bodyHtml: message.bodyHtml,
      attachments: message.attachments,
      source: 'gmail',
      private: options.private ?? false,
      onlyIfNew: options.onlyIfNew ?? false,
      links,
    }),
    (email) => context.crm.fileEmail(email),
  );
  const count = `${links.length} ${links.length === 1 ? 'record' : 'records'}`;
  const done = filed.created ? `Filed to ${count}.` : `Added to ${count}.`;
  const kept = namesOnly.length > 0 ? ` Kept by name only (too large to keep): ${namesOnly.join(', ')}.` : '';
  return { emailId: filed.email.id, created: filed.created, notice: done + kept };
}
