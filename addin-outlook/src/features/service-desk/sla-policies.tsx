import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { PRIORITY_NAMES, spanWords, type SlaPolicy, type SlaTarget } from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';
import { RelatedRecord } from '../console/record-summary.js';
import { RecordPicker } from '../record-forms/record-picker.js';
import { draftOfPolicy, policyBody, PRIORITIES, WEEKDAYS, type PolicyDraft } from './sla-draft.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '40em',
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(5em, max-content) minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // An input's own minimum width would push a phone-wide form past its edge.
  fit: { minWidth: 0, maxWidth: '100%' },
  policy: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
});

const targetWords = (target: SlaTarget) =>
  [
    target.firstResponseMinutes !== null &&
      `first answer in ${spanWords(target.firstResponseMinutes * 60_000)}`,
    target.resolutionMinutes !== null && `resolved in ${spanWords(target.resolutionMinutes * 60_000)}`,
  ]
    .filter(Boolean)
    .join(', ') || 'no targets';

/** Writes a policy, or changes `policy`: for whom, working hours, holidays and targets per priority. */
function SlaPolicyForm(props: { policy?: SlaPolicy; onSaved: () => void; onCancel: () => void }) {
  const styles = useStyles();
  const { api } = useServices();
  const [draft, setDraft] = useState<PolicyDraft>(() =>
    draftOfPolicy(props.policy, Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  const [forAccounts, setForAccounts] = useState(draft.accountIds.length > 0);
  const submission = useSubmission({ reusable: true });
  const change = (part: Partial<PolicyDraft>) => setDraft((previous) => ({ ...previous, ...part }));
  const save = async () => {
    const body = policyBody({ ...draft, accountIds: forAccounts ? draft.accountIds : [] });
    if (props.policy) await api.updateSlaPolicy(props.policy.id, { ...body, version: props.policy.version });
    else await api.createSlaPolicy(body);
    props.onSaved();
  };
  return (
    <form
      className={styles.form}
      aria-label={props.policy ? `Change ${props.policy.name}` : 'New service level policy'}
      onSubmit={(event) => {
        event.preventDefault();
        void submission.submit(save);
      }}
    >
      <Field label="Name" required>
        <Input
          value={draft.name}
          placeholder="e.g. Standard support"
          onChange={(_, data) => change({ name: data.value })}
        />
      </Field>
      <RadioGroup
        aria-label="For whom"
        value={forAccounts ? 'accounts' : 'default'}
        onChange={(_, data) => setForAccounts(data.value === 'accounts')}
      >
        <Radio value="default" label="Every case whose account has no policy of its own" />
        <Radio value="accounts" label="The cases of these accounts" />
      </RadioGroup>
      {forAccounts && (
        <>
          <ul aria-label="Accounts of this policy">
            {draft.accountIds.map((id) => (
              <li key={id} className={styles.row}>
                <RelatedRecord record={{ type: 'account', id }} />
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => change({ accountIds: draft.accountIds.filter((other) => other !== id) })}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <Field label="Add an account">
            <RecordPicker
              type="account"
              value=""
              onChange={(id) =>
                id && !draft.accountIds.includes(id) && change({ accountIds: [...draft.accountIds, id] })
              }
            />
          </Field>
        </>
      )}
      <Field
        label="Time zone"
        required
        hint="Working hours and holidays are in this zone, e.g. Europe/Berlin."
      >
        <Input value={draft.timeZone} onChange={(_, data) => change({ timeZone: data.value })} />
      </Field>
      <Text weight="semibold">Working hours</Text>
      <Text size={200}>Empty is a day off; a break splits a day: 09:00–12:00, 13:00–17:00.</Text>
      <div>
        {WEEKDAYS.map(([day, name]) => (
          <Field key={day} label={name} orientation="horizontal">
            <Input
              className={styles.fit}
              value={draft.hours[day] ?? ''}
              placeholder="Closed"
              onChange={(_, data) => change({ hours: { ...draft.hours, [day]: data.value } })}
            />
          </Field>
        ))}
      </div>
      <Field label="Holidays" hint="No clock runs on these days: one date per line, as 2026-12-25.">
        <Textarea
          resize="vertical"
          rows={3}
          value={draft.holidays}
          onChange={(_, data) => change({ holidays: data.value })}
        />
      </Field>
      <Text weight="semibold">Targets, in working hours (empty: none)</Text>
      <div className={styles.grid} role="group" aria-label="Targets">
        <span />
        <Text size={200}>First answer (hours)</Text>
        <Text size={200}>Resolution (hours)</Text>
        {PRIORITIES.map((priority) => (
          <div key={priority} style={{ display: 'contents' }}>
            <Text>{PRIORITY_NAMES[priority]}</Text>
            {(['firstResponse', 'resolution'] as const).map((kind) => (
              <Input
                key={kind}
                aria-label={`${PRIORITY_NAMES[priority]}: ${kind === 'firstResponse' ? 'first answer' : 'resolution'} in hours`}
                inputMode="decimal"
                value={draft.targets[priority][kind]}
                onChange={(_, data) =>
                  change({
                    targets: {
                      ...draft.targets,
                      [priority]: { ...draft.targets[priority], [kind]: data.value },
                    },
                  })
                }
              />
            ))}
          </div>
        ))}
      </div>
      <Field label="Warn this many minutes before a deadline">
        <Input
          type="number"
          min={0}
          value={draft.warnMinutes}
          onChange={(_, data) => change({ warnMinutes: data.value })}
        />
      </Field>
      {submission.failure && <ProblemMessage error={submission.failure} />}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={submission.busy}>
          Save policy
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/**
 * Service level policies, for admins: targets for a case's first answer and its resolution per
 * priority, on a calendar. Warnings and breaches fire workflow rules on cases.
 */
export function SlaPolicies() {
  const styles = useStyles();
  const lists = useListStyles();
  const { api } = useServices();
  const data = useRequest('sla policies', () => api.slaPolicies());
  const [editing, setEditing] = useState<string | null>(null);
  const removal = useSubmission({ reusable: true });
  const state = data.state;
  if (state.status === 'loading') return <Spinner label="Loading the service levels…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={data.reload} />;
  const saved = () => {
    setEditing(null);
    data.reload();
  };
  return (
    <Section title="Service levels">
      {state.data.length === 0 && editing !== 'new' && (
        <Text className={lists.meta}>No service level policy: cases have no deadlines.</Text>
      )}
      <ul className={lists.list} aria-label="Service level policies">
        {state.data.map((policy) =>
          editing === policy.id ? (
            <li key={policy.id}>
              <SlaPolicyForm policy={policy} onSaved={saved} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={policy.id} className={styles.policy} aria-label={policy.name}>
              <Text weight="semibold">
                {policy.name} ·{' '}
                {policy.accountIds.length === 0
                  ? 'every other account'
                  : `${policy.accountIds.length} account${policy.accountIds.length === 1 ? '' : 's'}`}
              </Text>
              {PRIORITIES.map((priority) => (
                <Text key={priority} size={200}>
                  {PRIORITY_NAMES[priority]}: {targetWords(policy.targets[priority])}
                </Text>
              ))}
              <Text size={200} className={lists.meta}>
                {policy.calendar.timeZone} · {policy.calendar.holidays.length} holidays · warns{' '}
                {policy.warnMinutes} min ahead
              </Text>
              <div className={styles.row}>
                <Button size="small" onClick={() => setEditing(policy.id)}>
                  Change
                </Button>
                <Button
                  size="small"
                  disabled={removal.busy}
                  onClick={() =>
                    void removal.submit(async () => {
                      await api.deleteSlaPolicy(policy.id);
                      data.reload();
                    })
                  }
                >
                  Remove
                </Button>
              </div>
            </li>
          ),
        )}
      </ul>
      {removal.failure && <ProblemMessage error={removal.failure} />}
      {editing === 'new' ? (
        <SlaPolicyForm onSaved={saved} onCancel={() => setEditing(null)} />
      ) : (
        <div>
          <Button onClick={() => setEditing('new')}>Add a policy</Button>
        </div>
      )}
    </Section>
  );
}
