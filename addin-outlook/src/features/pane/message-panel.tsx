import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { MAX_LOOKUP_ADDRESSES, messageCounterparts, type MessageFiling } from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState } from '../../ui/section.js';
import { useMailbox, useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { FilingBar } from '../filing/filing-bar.js';
import { SenderRecord } from '../sender/sender-record.js';
import { CounterpartPicker } from './counterpart-picker.js';

const TIMELINE_ENTRIES = 8;

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  lead: { color: tokens.colorNeutralForeground2 },
});

/** One open message: who it is with, whether it is filed, and their record. */
export function MessagePanel({ message }: { message: OpenMessage }) {
  const styles = useStyles();
  const { api } = useServices();
  const mailbox = useMailbox();
  const counterparts = useMemo(() => {
    const own = message.sharedMailbox ? [mailbox.userAddress, message.sharedMailbox] : [mailbox.userAddress];
    return messageCounterparts(message, own).slice(0, MAX_LOOKUP_ADDRESSES);
  }, [message, mailbox]);
  const lookup = useRequest(message.itemKey, () =>
    api.lookup({
      email: counterparts.map((party) => party.email),
      ...(message.internetMessageId ? { messageId: message.internetMessageId } : {}),
      timelineLimit: TIMELINE_ENTRIES,
    }),
  );
  const [chosen, setChosen] = useState<string | null>(null);

  if (counterparts.length === 0) {
    return (
      <EmptyState title="Nobody else is on this message">It is between you and your own mailbox.</EmptyState>
    );
  }
  const { state } = lookup;
  if (state.status === 'loading') return <Spinner className={styles.panel} label="Looking up the sender…" />;
  if (state.status === 'failed') {
    return (
      <div className={styles.panel}>
        <ProblemMessage error={state.error} onRetry={lookup.reload} />
      </div>
    );
  }
  const result = state.data;
  const views = [result, ...result.others];
  const view = views.find((candidate) => candidate.address === chosen) ?? result;
  const party = counterparts.find((candidate) => candidate.email === view.address) ?? null;
  const setFiling = (filing: MessageFiling) => lookup.update((data) => ({ ...data, filing }));

  return (
    <div className={styles.panel}>
      {message.mode === 'compose' && (
        <Text className={styles.lead}>
          You are writing to {counterparts.length === 1 ? 'this person' : 'these people'}.
        </Text>
      )}
      {counterparts.length > 1 && (
        <CounterpartPicker
          counterparts={counterparts}
          views={views}
          chosen={view.address}
          onChoose={setChosen}
        />
      )}
      {message.mode === 'read' && (
        <FilingBar
          message={message}
          view={view}
          filing={result.filing}
          onFilingChanged={(filing) => {
            setFiling(filing);
            lookup.refresh();
          }}
        />
      )}
      <SenderRecord view={view} party={party} onChanged={lookup.refresh} />
    </div>
  );
}
