import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Organisation, RetentionAction } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  choice: { minWidth: 0, maxWidth: '100%' },
});

const KEEP_CHOICES: [months: number | null, label: string][] = [
  [null, 'Forever'],
  [6, '6 months'],
  [12, '1 year'],
  [24, '2 years'],
  [36, '3 years'],
  [60, '5 years'],
  [84, '7 years'],
  [120, '10 years'],
];

const ACTION_WORDS: Record<RetentionAction, string> = {
  remove_content: 'Remove its bodies and attachments (keep subject, people and dates)',
  delete: 'Delete the email',
};

interface Draft {
  months: number | null;
  action: RetentionAction;
  metadataOnly: boolean;
}

const draftOf = (organisation: Organisation): Draft => ({
  months: organisation.retentionMonths,
  action: organisation.retentionAction,
  metadataOnly: organisation.metadataOnly,
});

/** How long filed mail keeps its content, and whether new mail keeps any: the organisation's choice. */
export function RetentionSettings() {
  const styles = useStyles();
  const { api } = useServices();
  const organisation = useRequest('organisation', () => api.organisation());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission({ reusable: true });
  const state = organisation.state;
  useEffect(() => {
    if (state.status === 'done') setDraft(draftOf(state.data));
  }, [state]);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((current) => current && { ...current, ...patch });
  };
  const custom =
    draft?.months !== null && draft !== null && !KEEP_CHOICES.some(([months]) => months === draft.months);
  return (
    <Section title="Keeping mail">
      <Text>
        How long filed emails keep their bodies and attachments. Past that, the server removes them in the
        background (or deletes the email); search then finds such mail by its subject and people only.
      </Text>
      {state.status === 'loading' && <Spinner size="tiny" label="Loading…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={organisation.reload} />}
      {state.status === 'done' && draft && (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void submission.submit(async () => {
              const updated = await api.updateOrganisation({
                version: state.data.version,
                retentionMonths: draft.months,
                retentionAction: draft.action,
                metadataOnly: draft.metadataOnly,
              });
              organisation.update(() => updated);
              setSaved(true);
            });
          }}
        >
          <div className={styles.row}>
            <Field label="Keep mail’s content" className={styles.choice}>
              <Select
                className={styles.choice}
                value={draft.months === null ? '' : String(draft.months)}
                onChange={(_, data) => set({ months: data.value === '' ? null : Number(data.value) })}
              >
                {KEEP_CHOICES.map(([months, label]) => (
                  <option key={label} value={months === null ? '' : String(months)}>
                    {label}
                  </option>
                ))}
                {custom && <option value={String(draft.months)}>{draft.months} months</option>}
              </Select>
            </Field>
            {draft.months !== null && (
              <Field label="Then" className={styles.choice}>
                <Select
                  className={styles.choice}
                  value={draft.action}
                  onChange={(_, data) => set({ action: data.value as RetentionAction })}
                >
                  {(Object.keys(ACTION_WORDS) as RetentionAction[]).map((action) => (
                    <option key={action} value={action}>
                      {ACTION_WORDS[action]}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          </div>
          <Checkbox
            checked={draft.metadataOnly}
            onChange={(_, data) => set({ metadataOnly: data.checked === true })}
            label="Keep only the subject, people and dates of newly filed mail: no bodies, no attachments"
          />
          <div>
            <Button type="submit" appearance="primary" disabled={submission.busy}>
              {submission.busy ? <Spinner size="tiny" label="Saving…" /> : 'Save'}
            </Button>
          </div>
          {saved && (
            <MessageBar intent="success">
              <MessageBarBody>Saved.</MessageBarBody>
            </MessageBar>
          )}
          {submission.failure && <ProblemMessage error={submission.failure} />}
        </form>
      )}
    </Section>
  );
}
