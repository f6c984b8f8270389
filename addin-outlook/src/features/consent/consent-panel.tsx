import { Badge, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  CONSENT_PURPOSE_NAMES,
  CONSENT_STATE_NAMES,
  LAWFUL_BASIS_NAMES,
  type ConsentEntry,
} from '@inbox-crm/shared/client';
import { formatDay, metaLine } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { ConsentForm } from './consent-form.js';
import { PURPOSES, STATE_COLOURS } from './consent-words.js';

const useStyles = makeStyles({
  current: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingVerticalS,
    margin: 0,
  },
  purpose: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  wording: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'pre-wrap',
  },
  answer: { margin: 0 },
  actions: { display: 'flex' },
});

function HistoryEntry({ entry }: { entry: ConsentEntry }) {
  const styles = useStyles();
  const lists = useListStyles();
  return (
    <li className={lists.entry}>
      <Text>
        {CONSENT_PURPOSE_NAMES[entry.purpose]}: <strong>{CONSENT_STATE_NAMES[entry.state]}</strong>
      </Text>
      <Text size={200} className={lists.meta}>
        {metaLine(
          `given ${formatDay(entry.givenAt)}`,
          entry.source,
          entry.lawfulBasis && LAWFUL_BASIS_NAMES[entry.lawfulBasis],
          entry.email,
          `recorded by ${entry.recordedBy?.name ?? 'the system'}, ${formatDay(entry.recordedAt)}`,
        )}
      </Text>
      {entry.wording && (
        <Text as="p" size={200} className={styles.wording}>
          {entry.wording}
        </Text>
      )}
    </li>
  );
}

/** A contact's consent: the current answer per purpose, the history behind it, and a new answer. */
export function ConsentPanel({ contactId, emails }: { contactId: string; emails: readonly string[] }) {
  const styles = useStyles();
  const lists = useListStyles();
  const { api } = useServices();
  const consents = useRequest(`consents:${contactId}`, () => api.contactConsents(contactId));
  const [recording, setRecording] = useState(false);
  const state = consents.state;
  return (
    <Section title="Consent">
      {state.status === 'loading' && <Spinner size="tiny" label="Loading consent…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={consents.reload} />}
      {state.status === 'done' && (
        <>
          <dl className={styles.current}>
            {PURPOSES.map((purpose) => {
              const answer = state.data.current.find((current) => current.purpose === purpose);
              return (
                <div key={purpose} className={styles.purpose}>
                  <dt>
                    <Text weight="semibold">{CONSENT_PURPOSE_NAMES[purpose]}</Text>
                  </dt>
                  <dd className={styles.answer}>
                    {answer ? (
                      <Badge appearance="tint" color={STATE_COLOURS[answer.state]}>
                        {CONSENT_STATE_NAMES[answer.state]} since {formatDay(answer.givenAt)}
                      </Badge>
                    ) : (
                      <Text className={lists.meta}>No answer</Text>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
          <div className={styles.actions}>
            <Button onClick={() => setRecording(true)}>Record an answer…</Button>
          </div>
          {state.data.history.length > 0 && (
            <details>
              <summary>
                <Text>
                  History ({state.data.history.length}
                  {state.data.moreHistory ? '+' : ''})
                </Text>
              </summary>
              <ul className={lists.list} aria-label="Consent history">
                {state.data.history.map((entry) => (
                  <HistoryEntry key={entry.id} entry={entry} />
                ))}
              </ul>
              {state.data.moreHistory && (
                <Text size={200} className={lists.meta}>
                  The latest answers are shown; older ones are kept.
                </Text>
              )}
            </details>
          )}
        </>
      )}
      <ModalDialog open={recording} onClose={() => setRecording(false)}>
        <ConsentForm
          contactId={contactId}
          emails={emails}
          onCancel={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            consents.refresh();
          }}
        />
      </ModalDialog>
    </Section>
  );
}
