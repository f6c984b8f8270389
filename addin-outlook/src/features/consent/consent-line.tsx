import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConsentPurpose, ConsentState } from '@inbox-crm/shared/client';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { ConsentForm } from './consent-form.js';
import { answerWords, PURPOSES, STATE_COLOURS } from './consent-words.js';

const useStyles = makeStyles({
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  // A badge holds one line by default; in a 320 px pane its words must be able to wrap.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
});

/**
 * A contact's current consent per purpose, as badges a glance can read before writing to them,
 * with a way to record a new answer.
 */
export function ConsentLine(props: {
  contactId: string;
  emails: readonly string[];
  consents: readonly { purpose: ConsentPurpose; state: ConsentState }[];
  onRecorded: () => void;
}) {
  const styles = useStyles();
  const [recording, setRecording] = useState(false);
  return (
    <>
      <ul className={styles.line} aria-label="Consent">
        {PURPOSES.map((purpose) => {
          const state = props.consents.find((answer) => answer.purpose === purpose)?.state;
          return (
            <li key={purpose}>
              <Badge
                className={styles.badge}
                appearance={state ? 'tint' : 'outline'}
                color={state ? STATE_COLOURS[state] : 'informative'}
              >
                {answerWords(purpose, state)}
              </Badge>
            </li>
          );
        })}
        <li>
          <Button size="small" appearance="transparent" onClick={() => setRecording(true)}>
            Record consent…
          </Button>
        </li>
      </ul>
      <ModalDialog open={recording} onClose={() => setRecording(false)}>
        <ConsentForm
          contactId={props.contactId}
          emails={props.emails}
          onCancel={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            props.onRecorded();
          }}
        />
      </ModalDialog>
    </>
  );
}
