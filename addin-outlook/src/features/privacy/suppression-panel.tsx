import { Button, Field, Input, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SuppressionCheck, SuppressionReason } from '@inbox-crm/shared/client';
import { formatDay, metaLine } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  address: { flexGrow: 1, minWidth: '12rem', maxWidth: '24rem' },
  answer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const REASON_WORDS: Record<SuppressionReason, string> = {
  erasure: 'Forgotten',
  request: 'Asked not to be kept',
};

/** The suppression list: how many, the newest entries, and an address checked, added or taken off. */
export function SuppressionPanel({ changes }: { changes: number }) {
  const styles = useStyles();
  const lists = useListStyles();
  const { api } = useServices();
  const list = useRequest(`suppressions:${changes}`, () => api.suppressions());
  const [address, setAddress] = useState('');
  const [checked, setChecked] = useState<SuppressionCheck | null>(null);
  const submission = useSubmission({ reusable: true });
  const act = (work: () => Promise<SuppressionCheck>) =>
    void submission.submit(async () => {
      setChecked(await work());
      list.refresh();
    });
  const state = list.state;
  return (
    <Section title="Suppression list">
      <Text>
        Addresses of people who asked to be forgotten or not to be kept. Only a salted hash of each is stored,
        so the list cannot be read back: check an address against it.
      </Text>
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          act(() => api.checkSuppression(address.trim()));
        }}
      >
        <Field label="Address" className={styles.address}>
          <Input type="email" value={address} onChange={(_, data) => setAddress(data.value)} />
        </Field>
        <Button type="submit" disabled={address.trim() === '' || submission.busy}>
          Check
        </Button>
      </form>
      {submission.failure && <ProblemMessage error={submission.failure} />}
      {checked && (
        <div className={styles.answer} role="status">
          <Text>
            {checked.email}{' '}
            {checked.suppressed ? 'is on the suppression list.' : 'is not on the suppression list.'}
          </Text>
          {checked.suppressed ? (
            <Button size="small" onClick={() => act(() => api.removeSuppression(checked.email))}>
              Take it off the list
            </Button>
          ) : (
            <Button size="small" onClick={() => act(() => api.addSuppression(checked.email))}>
              Suppress it
            </Button>
          )}
        </div>
      )}
      {state.status === 'loading' && <Spinner size="tiny" label="Loading the list…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={list.reload} />}
      {state.status === 'done' && (
        <>
          <Text weight="semibold">
            {state.data.total === 1
              ? '1 address is suppressed.'
              : `${state.data.total} addresses are suppressed.`}
          </Text>
          <ul className={lists.list} aria-label="Newest entries">
            {state.data.latest.map((entry) => (
              <li key={entry.addressHash} className={lists.entry}>
                <Text>{REASON_WORDS[entry.reason]}</Text>
                <Text size={200} className={lists.meta}>
                  {metaLine(formatDay(entry.createdAt), entry.createdBy && `by ${entry.createdBy.name}`)}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
