import type { Email, MessageFiling } from '@inbox-crm/shared/client';

/** The pane's filing state after the server answered a filing or an unfiling with the email. */
export function filingFromEmail(email: Email, previous: MessageFiling | null): MessageFiling {
  return {
    messageId: email.messageId ?? email.messageKey,
    filed: email.links.length > 0,
    emailId: email.id,
    filedBy: email.filedBy,
    filedAt: email.filedAt,
    links: email.links.map(({ type, id, name }) => ({ type, id, name })),
    suggestedLinks: previous?.suggestedLinks ?? [],
    thread: previous?.thread ?? null,
    internal: previous?.internal ?? false,
    // Filed now (or unfiled by hand): the thread rule has nothing more to do for this message.
    autoFile: false,
  };
}
