import {
  Badge,
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { EnrollmentStep, PlanEnrollment, PlanRecordType } from '@inbox-crm/shared/client';
import { formatDay } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';

const useStyles = makeStyles({
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  start: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
});

const STATUS_WORDS: Record<PlanEnrollment['status'], string> = {
  active: 'Running',
  completed: 'Completed',
  stopped: 'Stopped',
};

const STOP_WORDS: Record<NonNullable<PlanEnrollment['stopReason']>, string> = {
  replied: 'the contact replied',
  closed: 'the opportunity closed',
  stopped_by_user: 'stopped by hand',
  record_deleted: 'the record was deleted',
};

const STEP_WORDS: Record<EnrollmentStep['type'], string> = { email: 'Email', call: 'Call', task: 'To do' };

function stepLine(step: EnrollmentStep): string {
  const when =
    step.state === 'done'
      ? `done ${formatDay(step.at)}`
      : step.state === 'scheduled'
        ? `on ${formatDay(step.at)}`
        : 'cancelled';
  return `Day ${step.day} · ${STEP_WORDS[step.type]}: ${step.title} — ${when}${step.taskDone ? ' (task completed)' : ''}`;
}

function StartPlan({
  recordType,
  recordId,
  onStarted,
}: {
  recordType: PlanRecordType;
  recordId: string;
  onStarted: () => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const plans = useRequest('engagement-plans', () => api.engagementPlans());
  const [planId, setPlanId] = useState<string | null>(null);
  const submission = useSubmission({ reusable: true });
  if (plans.state.status !== 'done') return null;
  const usable = plans.state.data.filter((plan) => plan.recordType === recordType);
  if (usable.length === 0) return <Text size={200}>No engagement plans for this kind of record yet.</Text>;
  return (
    <div className={styles.start}>
      <Field label="Engagement plan">
        <Dropdown
          placeholder="Choose a plan"
          onOptionSelect={(_, data) => setPlanId(data.optionValue ?? null)}
        >
          {usable.map((plan) => (
            <Option key={plan.id} value={plan.id}>
              {plan.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button
        disabled={!planId || submission.busy}
        onClick={() =>
          void submission.submit(async () => {
            await api.startPlan(planId!, { recordType, recordId });
            onStarted();
          })
        }
      >
        Start plan
      </Button>
      {submission.failure && <ProblemMessage error={submission.failure} />}
    </div>
  );
}

/** The engagement plans run for a contact or an opportunity, step by step; start or stop one here. */
export function PlansPanel({ recordType, recordId }: { recordType: PlanRecordType; recordId: string }) {
  const styles = useStyles();
  const lists = useListStyles();
  const { api } = useServices();
  const runs = useRequest(`enrollments:${recordId}`, () => api.enrollments(recordType, recordId));
  const stopping = useSubmission({ reusable: true });
  const state = runs.state;
  return (
    <Section title="Engagement plans">
      {state.status === 'loading' && <Spinner size="tiny" label="Loading plans…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={runs.reload} />}
      {state.status === 'done' && state.data.length === 0 && <Text>No plan has run for this record.</Text>}
      {state.status === 'done' && (
        <ul className={lists.list}>
          {state.data.map((run) => (
            <li key={run.id} className={lists.entry} aria-label={`Plan ${run.planName}`}>
              <Text weight="semibold">
                {run.planName}{' '}
                <Badge appearance="tint" color={run.status === 'active' ? 'brand' : 'informative'}>
                  {STATUS_WORDS[run.status]}
                  {run.stopReason ? `: ${STOP_WORDS[run.stopReason]}` : ''}
                </Badge>
              </Text>
              <Text size={200} className={lists.meta}>
                {run.stepsDone} of {run.steps.length} steps done · started {formatDay(run.startedAt)}
              </Text>
              <ol className={styles.steps}>
                {run.steps.map((step) => (
                  <li key={step.index}>
                    <Text size={200}>{stepLine(step)}</Text>
                  </li>
                ))}
              </ol>
              {run.status === 'active' && (
                <Button
                  size="small"
                  disabled={stopping.busy}
                  onClick={() =>
                    void stopping.submit(async () => {
                      await api.stopPlan(run.id);
                      runs.refresh();
                    })
                  }
                >
                  Stop this plan
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {stopping.failure && <ProblemMessage error={stopping.failure} />}
      <StartPlan recordType={recordType} recordId={recordId} onStarted={runs.refresh} />
    </Section>
  );
}
