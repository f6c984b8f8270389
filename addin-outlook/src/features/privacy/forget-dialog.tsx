import {
  Button,
  Checkbox,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ErasureRequest, ErasureResult } from '@inbox-crm/shared/client';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { erasureWords } from './erasure-words.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

function Confirm(props: {
  who: string;
  request: ErasureRequest;
  onForgotten: (result: ErasureResult) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const [understood, setUnderstood] = useState(false);
  const submission = useSubmission();
  return (
    <DialogBody>
      <DialogTitle>Forget {props.who}?</DialogTitle>
      <DialogContent className={styles.content}>
        <Text>This answers a request to be forgotten. It cannot be undone.</Text>
        <ul className={styles.list}>
          <li>Their contact, addresses, phone numbers and consent history are deleted for good.</li>
          <li>
            Emails they alone were on are deleted with their attachments, as are notes and tasks about them
            alone.
          </li>
          <li>
            Emails, deals, cases and tasks others share are kept, with their name and address taken out.
          </li>
          <li>Their addresses are suppressed: they are never made a contact, filed or signed up again.</li>
        </ul>
        <Checkbox
          checked={understood}
          onChange={(_, data) => setUnderstood(data.checked === true)}
          label="I understand that this cannot be undone"
        />
        {submission.failure && <ProblemMessage error={submission.failure} />}
      </DialogContent>
      <DialogActions>
        <Button
          appearance="primary"
          disabled={!understood || submission.busy}
          onClick={() =>
            void submission.submit(async () => props.onForgotten(await api.erasePerson(props.request)))
          }
        >
          {submission.busy ? <Spinner size="tiny" label="Forgetting…" /> : `Forget ${props.who}`}
        </Button>
        <Button onClick={props.onCancel} disabled={submission.busy}>
          Cancel
        </Button>
      </DialogActions>
    </DialogBody>
  );
}

function Done(props: { who: string; result: ErasureResult; onDone: () => void }) {
  const styles = useStyles();
  return (
    <DialogBody>
      <DialogTitle>{props.who} is forgotten</DialogTitle>
      <DialogContent className={styles.content}>
        <MessageBar intent="success">
          <MessageBarBody>
            The audit log records that this erasure happened, without their details.
          </MessageBarBody>
        </MessageBar>
        <ul className={styles.list} aria-label="What the erasure did">
          {erasureWords(props.result).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" onClick={props.onDone}>
          Done
        </Button>
      </DialogActions>
    </DialogBody>
  );
}

/** Asks to confirm an erasure, runs it, and says what it did; `onDone` leaves the page. */
export function ForgetDialog(props: {
  open: boolean;
  who: string;
  request: ErasureRequest;
  onClose: () => void;
  onDone: () => void;
}) {
  const [result, setResult] = useState<ErasureResult | null>(null);
  return (
    <ModalDialog open={props.open} onClose={result ? props.onDone : props.onClose}>
      {result ? (
        <Done who={props.who} result={result} onDone={props.onDone} />
      ) : (
        <Confirm who={props.who} request={props.request} onForgotten={setResult} onCancel={props.onClose} />
      )}
    </ModalDialog>
  );
}
