import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { CASE_STATUS_NAMES, type Case, type CaseStatus } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { noteSubject } from '../quick-actions/activity-form.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '48em' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
});

type Mode = 'answer' | 'note';

/** Where the case goes once the answer is sent; "stays" keeps its status. */
const AFTER_SENDING: ReadonlyArray<CaseStatus | 'stays'> = ['stays', 'pending', 'resolved'];

const afterSendingWords = (status: CaseStatus | 'stays', current: CaseStatus) =>
  status === 'stays'
    ? `Stays ${CASE_STATUS_NAMES[current]}`
    : status === 'pending'
      ? `${CASE_STATUS_NAMES.pending} (waiting on the customer)`
      : CASE_STATUS_NAMES[status];

/**
 * Answering the customer from the case page: the answer goes out from the support address the case
 * came in through, threaded to the customer's latest message, and is filed to the case; or an
 * internal note, which only colleagues see.
 */
export function CaseAnswer(props: { supportCase: Case; onSent: () => void }) {
  const styles = useStyles();
  const { api } = useServices();
  const { supportCase } = props;
  const canAnswer = supportCase.supportMailboxId !== null;
  const [mode, setMode] = useState<Mode>(canAnswer ? 'answer' : 'note');
  const [text, setText] = useState('');
  const [after, setAfter] = useState<CaseStatus | 'stays'>('pending');
  const [done, setDone] = useState<string | null>(null);
  const submission = useSubmission({ reusable: true });

  const send = () =>
    void submission.submit(async () => {
      if (mode === 'answer') {
        const sent = await api.answerCase(supportCase.id, {
          text,
          ...(after === 'stays' ? {} : { status: after }),
        });
        setDone(`Answer sent to ${sent.to.map((person) => person.email).join(', ')}.`);
      } else {
        await api.logActivity({
          type: 'note',
          subject: noteSubject(text),
          body: text.trim(),
          links: [{ type: 'case', id: supportCase.id }],
        });
        setDone('Note added to the case.');
      }
      setText('');
      props.onSent();
    });

  return (
    <Section title="Answer">
      <TabList
        selectedValue={mode}
        onTabSelect={(_, data) => {
          setMode(data.value as Mode);
          setDone(null);
        }}
      >
        <Tab value="answer" disabled={!canAnswer}>
          Answer the customer
        </Tab>
        <Tab value="note">Internal note</Tab>
      </TabList>
      {!canAnswer && (
        <Text size={200}>
          This case came in by hand, not through a support mailbox, so there is no address to answer from.
        </Text>
      )}
      <form
        className={styles.form}
        aria-label={mode === 'answer' ? 'Answer the customer' : 'Internal note'}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <Field
          label={mode === 'answer' ? 'Answer' : 'Note'}
          hint={
            mode === 'answer'
              ? 'Sent from the support address as a reply to the customer’s latest message.'
              : 'Only colleagues see it.'
          }
        >
          <Textarea resize="vertical" rows={6} value={text} onChange={(_, data) => setText(data.value)} />
        </Field>
        <div className={styles.row}>
          {mode === 'answer' && (
            <Field label="Then the case">
              <Select value={after} onChange={(_, data) => setAfter(data.value as CaseStatus | 'stays')}>
                {AFTER_SENDING.map((status) => (
                  <option key={status} value={status}>
                    {afterSendingWords(status, supportCase.status)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Button type="submit" appearance="primary" disabled={submission.busy || text.trim() === ''}>
            {mode === 'answer' ? 'Send answer' : 'Add note'}
          </Button>
        </div>
        {submission.failure && <ProblemMessage error={submission.failure} />}
        {done && (
          <MessageBar intent="success" aria-live="polite">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </form>
    </Section>
  );
}
