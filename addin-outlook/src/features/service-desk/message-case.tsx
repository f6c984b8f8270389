import {
  Badge,
  Button,
  Field,
  Link,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  CASE_STATUS_NAMES,
  consoleRecordPath,
  PRIORITY_NAMES,
  type Case,
  type CaseStatus,
} from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';
import { SlaClocks } from './sla-clocks.js';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  select: { minWidth: 0, maxWidth: '100%' },
});

const STATUSES = Object.keys(CASE_STATUS_NAMES) as CaseStatus[];

/**
 * The case the open message belongs to, beside it in the pane: its number, status, priority,
 * assignee and service level clocks, with its status and assignee changed in place.
 */
export function MessageCase(props: { caseId: string; onChanged: () => void }) {
  const styles = useStyles();
  const { api, user } = useServices();
  const data = useRequest(`case ${props.caseId}`, async () => {
    const [supportCase, users] = await Promise.all([api.getRecord('case', props.caseId), api.users()]);
    return { supportCase, people: users.items.filter((person) => person.active) };
  });
  const change = useSubmission({ reusable: true });
  const state = data.state;
  if (state.status === 'loading') return <Spinner size="tiny" label="Reading the case…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={data.reload} />;
  const { supportCase, people } = state.data;
  const save = (update: { status?: CaseStatus; ownerId?: string | null }) =>
    void change.submit(async () => {
      const saved = (await api.updateRecord('case', supportCase.id, {
        version: supportCase.version,
        ...update,
      })) as Case;
      data.update((loaded) => ({ ...loaded, supportCase: saved }));
      props.onChanged();
    });

  return (
    <section className={styles.card} aria-label={`Case #${supportCase.number}`}>
      <Text weight="semibold">
        <Link href={consoleRecordPath({ type: 'case', id: supportCase.id })} target="_blank">
          Case #{supportCase.number}: {supportCase.subject}
        </Link>
      </Text>
      <span>
        <Badge
          appearance="tint"
          color={supportCase.priority === 'urgent' || supportCase.priority === 'high' ? 'warning' : 'subtle'}
        >
          {PRIORITY_NAMES[supportCase.priority]} priority
        </Badge>
      </span>
      <SlaClocks caseId={supportCase.id} version={supportCase.version} />
      <div className={styles.row}>
        <Field label="Status" className={styles.select}>
          <Select
            value={supportCase.status}
            disabled={change.busy}
            onChange={(_, selected) => save({ status: selected.value as CaseStatus })}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {CASE_STATUS_NAMES[status]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Assigned to" className={styles.select}>
          <Select
            className={styles.select}
            value={supportCase.ownerId ?? ''}
            disabled={change.busy}
            onChange={(_, selected) => save({ ownerId: selected.value || null })}
          >
            <option value="">Nobody</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </Field>
        {supportCase.ownerId !== user.id && (
          <Button size="small" disabled={change.busy} onClick={() => save({ ownerId: user.id })}>
            Assign to me
          </Button>
        )}
      </div>
      {change.failure && <ProblemMessage error={change.failure} />}
    </section>
  );
}
