import type { Card } from '../cards/card-model.js';
import { DomainError } from '@inbox-crm/shared';
import { CalendarUnavailable } from '../google/calendar-event.js';
import { GmailUnavailable } from '../google/gmail-message.js';
import { noticeCard } from './notice-cards.js';

/** Any failure as a card a person understands; never a raw error. */
export function problemCard(error: unknown): Card {
  if (error instanceof GmailUnavailable) {
    if (error.status === 401 || error.status === 403) {
      return noticeCard(
        'Gmail’s permission has expired',
        'Gmail lets the add-on read an open message for a short while only. Open the message again to continue.',
      );
    }
    if (error.status === 404) {
      return noticeCard(
        'The message is gone',
        'It was deleted or moved out of this mailbox. Open another message.',
      );
    }
    return noticeCard(
      'Gmail did not answer',
      'Gmail could not hand over the message just now. Try again in a moment.',
    );
  }
  if (error instanceof CalendarUnavailable) {
    return error.status === 404
      ? noticeCard('The event is gone', 'It was deleted or you were removed from it. Open another event.')
      : noticeCard(
          'Google Calendar did not answer',
          'Calendar could not hand over the event just now. Open it again in a moment.',
        );
  }
  // A refusal the CRM explains in a sentence (not found, forbidden, invalid): the card shows it;
  // anything else is a fault on our side. The one place the add-on maps domain errors to cards.
  if (error instanceof DomainError && error.kind !== 'unavailable') {
    return noticeCard('That did not work', error.message);
  }
  return noticeCard(
    'Something went wrong on our side',
    'The CRM could not finish this. Try again; if it keeps failing, tell your CRM administrator.',
  );
}

export const staleCardNotice = () =>
  noticeCard(
    'This card is out of date',
    'Its buttons work for 30 minutes. Open the message again to get a fresh one.',
  );
