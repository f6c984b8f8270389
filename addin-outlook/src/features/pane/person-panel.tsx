import { Spinner } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { MessageFiling, MessageParty, SenderView } from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { FilingBar } from '../filing/filing-bar.js';
import { SenderRecord } from '../sender/sender-record.js';
import { TIMELINE_ENTRIES } from './message-lookup.js';

interface Props {
  /** The message the person is on; null beside a meeting, where there is nothing to file. */
  message: OpenMessage | null;
  /** The chosen person as the message's lookup answered: in full, or brief (the match only). */
  view: SenderView;
  party: MessageParty | null;
  /** Everyone else on the message, whose records filing offers too. */
  others: SenderView[];
  filing: MessageFiling | null;
  /** How many writes the pane made: a person read in full here is read again after each. */
  writes: number;
  onFilingChanged: (filing: MessageFiling) => void;
  onChanged: () => void;
}

/** The chosen person on the message or meeting: filing, then their record, read in full when it came brief. */
export function PersonPanel(props: Props) {
  return props.view.detail === 'full' ? <PersonRecord {...props} /> : <BriefPerson {...props} />;
}

function BriefPerson(props: Props) {
  const { api } = useServices();
  const address = props.view.address!;
  const { state, reload, refresh } = useRequest(address, () =>
    api.lookupMessage({ emails: [address], timelineLimit: TIMELINE_ENTRIES }),
  );
  const seenWrites = useRef(props.writes);
  useEffect(() => {
    if (seenWrites.current === props.writes) return;
    seenWrites.current = props.writes;
    refresh();
  }, [props.writes, refresh]);
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={reload} />;
  if (state.status === 'loading') return <Spinner label={`Looking up ${props.party?.name ?? address}…`} />;
  // The answer for one address is that person's view (with an empty `others`).
  return <PersonRecord {...props} view={state.data} />;
}

function PersonRecord({ message, view, party, others, filing, onFilingChanged, onChanged }: Props) {
  return (
    <>
      {message?.mode === 'read' && (
        <FilingBar
          message={message}
          view={view}
          others={others}
          filing={filing}
          onFilingChanged={onFilingChanged}
        />
      )}
      <SenderRecord view={view} party={party} onChanged={onChanged} />
    </>
  );
}
