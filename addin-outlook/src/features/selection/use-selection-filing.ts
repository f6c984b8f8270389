import { useState } from 'react';
import {
  choiceKey,
  fileKeepingWhatFits,
  isColleagueOrInvalid,
  isReceivedBy,
  MAX_LOOKUP_ADDRESSES,
  messageCounterparts,
  peopleRecords,
  type RecordRef,
} from '@inbox-crm/shared/client';
import type { OpenMessage, SelectedMessage } from '../../office/open-message.js';
import { useMailbox, useServices } from '../../ui/services.js';
import { asApiError } from '../../ui/use-request.js';
import { emailFileFor } from '../filing/email-file.js';

/** What became of one selected message. */
export type MessageOutcome =
  | { status: 'waiting' }
  | { status: 'filing' }
  | { status: 'filed'; namesOnly: string[] }
  /** Filed before (by anyone): now linked to these records too. */
  | { status: 'already' }
  | { status: 'refused'; reason: string };

export interface SelectionChoice {
  /** Records every message is filed to. */
  records: RecordRef[];
  /** Each message also to the contacts and accounts of its own people. */
  eachToItsPeople: boolean;
  private: boolean;
}

const NO_RECORD = 'nobody on it is in the CRM, and no record was chosen for all of them.';
const ONLY_COLLEAGUES = 'only you and colleagues are on it.';

const unique = (records: RecordRef[]) => [
  ...new Map(records.map((record) => [choiceKey(record), record])).values(),
];

/**
 * Files each of several selected messages in turn (Outlook holds one loaded at a time), each with
 * an outcome of its own: one refused never stops the rest.
 */
export function useSelectionFiling(messages: readonly SelectedMessage[]) {
  const { api } = useServices();
  const mailbox = useMailbox();
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, MessageOutcome>>(new Map());
  const [running, setRunning] = useState(false);
  const tell = (itemId: string, outcome: MessageOutcome) =>
    setOutcomes((previous) => new Map(previous).set(itemId, outcome));

  /** The contacts and accounts of the message's people from outside; whether there are any such people. */
  async function recordsOfItsPeople(
    message: OpenMessage,
  ): Promise<{ records: RecordRef[]; outside: boolean }> {
    const own = message.sharedMailbox ? [mailbox.userAddress, message.sharedMailbox] : [mailbox.userAddress];
    const people = messageCounterparts(message, own).slice(0, MAX_LOOKUP_ADDRESSES);
    if (people.length === 0) return { records: [], outside: false };
    const found = await api.lookupMessage({
      emails: people.map((party) => party.email),
      leading: isReceivedBy(message, own) ? 'first' : 'best',
      others: 'brief',
      timelineLimit: 0,
    });
    const views = [found, ...found.others];
    return { records: peopleRecords(views), outside: views.some((view) => !isColleagueOrInvalid(view)) };
  }

  async function fileOne(itemId: string, choice: SelectionChoice): Promise<MessageOutcome> {
    try {
      const { message, content } = await mailbox.readSelectedMessage(itemId);
      const own = choice.eachToItsPeople ? await recordsOfItsPeople(message) : { records: [], outside: true };
      const records = unique([...choice.records, ...own.records]);
      if (records.length === 0)
        return { status: 'refused', reason: own.outside ? NO_RECORD : ONLY_COLLEAGUES };
      const { filed, namesOnly } = await fileKeepingWhatFits(
        { ...emailFileFor(message, content, records), private: choice.private },
        (email) => api.fileEmail(email),
      );
      return filed.created ? { status: 'filed', namesOnly } : { status: 'already' };
    } catch (error) {
      return { status: 'refused', reason: asApiError(error).message };
    }
  }

  async function fileAll(choice: SelectionChoice): Promise<void> {
    setRunning(true);
    setOutcomes(new Map(messages.map((message) => [message.itemId, { status: 'waiting' }])));
    for (const message of messages) {
      tell(message.itemId, { status: 'filing' });
      tell(message.itemId, await fileOne(message.itemId, choice));
    }
    setRunning(false);
  }

  const done = !running && outcomes.size > 0;
  return { outcomes, running, done, fileAll };
}
