import type { CrmSession } from '../crm-gateway.js';
import type { AddOnEvent } from '../google/add-on-event.js';
import type { CalendarReader } from '../google/calendar-event.js';
import type { GmailReader } from '../google/gmail-message.js';
import type { CardLocale } from '../views/format.js';
import type { ViewContext } from '../views/view-context.js';

/** Everything a handler works with: the verified user's CRM session, the event, and the message. */
export interface HandlerContext extends ViewContext {
  event: AddOnEvent;
  crm: CrmSession;
  where: CardLocale;
  /** Reads the open message; null when the event concerns none. */
  gmail: GmailReader | null;
  /** Reads the open Calendar event; null when the event concerns none. */
  calendar: CalendarReader | null;
}
