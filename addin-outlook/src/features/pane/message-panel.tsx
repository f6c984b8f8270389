import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { customerViews, filedCaseOf, type MessageFiling } from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';
import { usePaneBodyStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useFirstContentShown } from '../../ui/first-content.js';
import { EmptyState } from '../../ui/section.js';
import { useMailbox, useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { MessageCase } from '../service-desk/message-case.js';
import { CounterpartPicker } from './counterpart-picker.js';
import { messageLookup } from './message-lookup.js';
import { takeFirstLookup } from './pane-start.js';
import { PersonPanel } from './person-panel.js';

const useStyles = makeStyles({
  lead: { color: tokens.colorNeutralForeground2 },
});

/**
 * One open message: everyone outside the organisation on it (the sender first), whether it is
 * filed, and the chosen person's record. One request answers them all, the first in full.
 */
export function MessagePanel({ message }: { message: OpenMessage }) {
  const styles = useStyles();
  const pane = usePaneBodyStyles();
  const { api } = useServices();
  const mailbox = useMailbox();
  const { counterparts, request } = useMemo(
    () => messageLookup(message, mailbox.userAddress),
    [message, mailbox],
  );
  const lookup = useRequest(message.itemKey, () =>
    request === null
      ? Promise.reject(new Error('Nobody outside the organisation is on this message.'))
      : (takeFirstLookup(request) ?? api.lookupMessage(request)),
  );
  useFirstContentShown(counterparts.length === 0 || lookup.state.status !== 'loading');
  const [chosen, setChosen] = useState<string | null>(null);
  // Counts the pane's own writes, so a person read in full on choosing is read again after one.
  const [writes, setWrites] = useState(0);

  if (counterparts.length === 0) {
    return (
      <EmptyState title="Nobody else is on this message">It is between you and your own mailbox.</EmptyState>
    );
  }
  const { state } = lookup;
  if (state.status === 'loading') return <Spinner className={pane.body} label="Looking up the sender…" />;
  if (state.status === 'failed') {
    return (
      <div className={pane.body}>
        <ProblemMessage error={state.error} onRetry={lookup.reload} />
      </div>
    );
  }
  const result = state.data;
  const people = customerViews([result, ...result.others]);
  const listed = counterparts.filter((party) => people.some((view) => view.address === party.email));
  const view = people.find((candidate) => candidate.address === chosen) ?? people[0]!;
  const party = counterparts.find((candidate) => candidate.email === view.address) ?? null;
  const setFiling = (filing: MessageFiling) => lookup.update((data) => ({ ...data, filing }));
  const changed = () => {
    lookup.refresh();
    setWrites((count) => count + 1);
  };
  const caseId = filedCaseOf(result.filing);

  return (
    <div className={pane.body}>
      {message.mode === 'compose' && (
        <Text className={styles.lead}>
          You are writing to {listed.length === 1 ? 'this person' : 'these people'}.
        </Text>
      )}
      {caseId && <MessageCase key={caseId} caseId={caseId} onChanged={changed} />}
      {listed.length > 1 && (
        <CounterpartPicker counterparts={listed} views={people} chosen={view.address} onChoose={setChosen} />
      )}
      <PersonPanel
        key={view.address}
        message={message}
        view={view}
        party={party}
        others={people.filter((other) => other !== view)}
        filing={result.filing}
        writes={writes}
        onFilingChanged={(filing) => {
          setFiling(filing);
          changed();
        }}
        onChanged={changed}
      />
    </div>
  );
}
