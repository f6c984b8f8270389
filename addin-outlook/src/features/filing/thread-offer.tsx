import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { RECORD_TYPE_NAMES, type MessageFiling } from '@inbox-crm/shared/client';

const useStyles = makeStyles({
  offer: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  records: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  why: { color: tokens.colorNeutralForeground2 },
});

/** The thread's records, as a line: "Acme Ltd (Account), Renewal 2027 (Opportunity)". */
const recordsLine = (filing: MessageFiling) =>
  filing.suggestedLinks.map((link) => `${link.name} (${RECORD_TYPE_NAMES[link.type]})`).join(', ');

interface Props {
  filing: MessageFiling;
  busy: boolean;
  onFile: () => void;
}

/**
 * A reply whose thread is filed: one click files it where the thread went; mail among colleagues
 * is never filed by the thread, and says so.
 */
export function ThreadOffer({ filing, busy, onFile }: Props) {
  const styles = useStyles();
  if (filing.internal) {
    return (
      <Text size={200} className={styles.why}>
        Its thread is filed, but everyone else on this message is a colleague, so it is not filed with it.
      </Text>
    );
  }
  return (
    <div className={styles.offer} role="group" aria-label="Its thread">
      <Text size={200} className={styles.records}>
        Its thread is filed to {recordsLine(filing)}.
      </Text>
      <Button appearance="primary" disabled={busy} onClick={onFile}>
        File with the thread
      </Button>
    </div>
  );
}

/** An automatic filing, said and undoable. */
export function AutoFiled({ busy, onUndo }: { busy: boolean; onUndo: () => void }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>Filed with its thread, as your organisation asks.</MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabled={busy} onClick={onUndo}>
          Undo
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
