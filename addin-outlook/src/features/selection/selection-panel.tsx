import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SelectedMessage } from '../../office/open-message.js';
import { useListStyles } from '../../ui/list-styles.js';
import { usePanelStyles, usePaneBodyStyles } from '../../ui/panel-styles.js';
import { useMailbox } from '../../ui/services.js';
import { PrivateChoice } from '../records/private-choice.js';
import { RecordChecklist } from '../records/record-checklist.js';
import { useRecordChoices } from '../records/use-record-choices.js';
import { type MessageOutcome, useSelectionFiling } from './use-selection-filing.js';

const useStyles = makeStyles({
  outcome: { fontSize: tokens.fontSizeBase200 },
  filed: { color: tokens.colorPaletteGreenForeground1 },
  refused: { color: tokens.colorPaletteRedForeground1 },
  quiet: { color: tokens.colorNeutralForeground3 },
});

const NO_SUBJECT = '(no subject)';

function OutcomeLine({ outcome }: { outcome: MessageOutcome | undefined }) {
  const styles = useStyles();
  if (!outcome || outcome.status === 'waiting') return null;
  if (outcome.status === 'filing') return <Spinner size="extra-tiny" label="Filing…" labelPosition="after" />;
  if (outcome.status === 'filed') {
    const kept =
      outcome.namesOnly.length > 0 ? ` Kept by name only, too large: ${outcome.namesOnly.join(', ')}.` : '';
    return <Text className={`${styles.outcome} ${styles.filed}`}>Filed.{kept}</Text>;
  }
  if (outcome.status === 'already') {
    return (
      <Text className={`${styles.outcome} ${styles.filed}`}>Already filed; now on these records too.</Text>
    );
  }
  return (
    <Text className={`${styles.outcome} ${styles.refused}`}>Not filed: {lowerFirst(outcome.reason)}</Text>
  );
}

/** The server's sentences begin with a capital; after "Not filed:" they read on. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function summary(outcomes: ReadonlyMap<string, MessageOutcome>): string {
  const count = (status: MessageOutcome['status']) =>
    [...outcomes.values()].filter((outcome) => outcome.status === status).length;
  return [
    `${count('filed')} filed`,
    count('already') > 0 ? `${count('already')} filed before` : null,
    count('refused') > 0 ? `${count('refused')} not filed` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Several messages selected in Outlook: file them all to the chosen records in one step. */
export function SelectionPanel({ messages }: { messages: SelectedMessage[] }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const pane = usePaneBodyStyles();
  const list = useListStyles();
  const mailbox = useMailbox();
  const records = useRecordChoices([], new Set());
  const [eachToItsPeople, setEachToItsPeople] = useState(true);
  const [privately, setPrivately] = useState(false);
  const filing = useSelectionFiling(messages);
  const canFile = mailbox.multiSelect === 'read';
  const ready = eachToItsPeople || records.selectedRefs.length > 0;

  return (
    <div className={pane.body}>
      <Text as="h2" weight="semibold" size={400}>
        {messages.length} messages selected
      </Text>
      {!canFile && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This version of Outlook lists the selected messages but does not let add-ins read them. Open them
            one at a time to file them, or use Outlook on the web or a newer Outlook.
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={list.list} aria-label="Selected messages">
        {messages.map((message) => (
          <li key={message.itemId} className={list.entry}>
            <Text>{message.subject.trim() || NO_SUBJECT}</Text>
            <OutcomeLine outcome={filing.outcomes.get(message.itemId)} />
          </li>
        ))}
      </ul>
      {filing.done && (
        <Text role="status" weight="semibold">
          {summary(filing.outcomes)}.
        </Text>
      )}
      {canFile && !filing.done && (
        <div className={panel.panel} role="group" aria-label="File the selected messages">
          <Checkbox
            checked={eachToItsPeople}
            disabled={filing.running}
            label="Each to its own people’s contacts and accounts"
            onChange={(_, data) => setEachToItsPeople(data.checked === true)}
          />
          <Text weight="semibold">And all of them to</Text>
          <RecordChecklist label="Records for all of them" state={records} disabled={filing.running} />
          <PrivateChoice
            checked={privately}
            disabled={filing.running}
            onChange={setPrivately}
            count="several"
          />
          {!ready && <Text className={styles.quiet}>Choose records, or file each to its own people.</Text>}
          <Button
            appearance="primary"
            disabled={filing.running || !ready}
            onClick={() =>
              void filing.fileAll({ records: records.selectedRefs, eachToItsPeople, private: privately })
            }
          >
            {filing.running ? 'Filing…' : `File ${messages.length} messages`}
          </Button>
        </div>
      )}
    </div>
  );
}
