import { Button, Field, Input, makeStyles, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { EngagementPlan, PlanRecordType, PlanStep } from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState, Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  day: { width: '6em' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const STEP_TYPES: Record<PlanStep['type'], string> = { email: 'Email', call: 'Call', task: 'To do' };

const stepLine = (step: PlanStep) => `Day ${step.day} · ${STEP_TYPES[step.type]}: ${step.title}`;

function PlanForm({ onSaved, onCancel }: { onSaved: (plan: EngagementPlan) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { api } = useServices();
  const [name, setName] = useState('');
  const [recordType, setRecordType] = useState<PlanRecordType>('opportunity');
  const [steps, setSteps] = useState<PlanStep[]>([{ day: 0, type: 'email', title: '' }]);
  const submission = useSubmission({ reusable: true });
  const setStep = (index: number, change: Partial<PlanStep>) =>
    setSteps(steps.map((step, at) => (at === index ? { ...step, ...change } : step)));
  return (
    <form
      className={styles.form}
      aria-label="New plan"
      onSubmit={(event) => {
        event.preventDefault();
        void submission.submit(async () => onSaved(await api.createPlan({ name, recordType, steps })));
      }}
    >
      <Field label="Plan name" required>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label="For">
        <Select value={recordType} onChange={(_, data) => setRecordType(data.value as PlanRecordType)}>
          <option value="opportunity">Opportunities</option>
          <option value="contact">Contacts</option>
        </Select>
      </Field>
      {steps.map((step, index) => (
        <div key={index} className={styles.row} role="group" aria-label={`Step ${index + 1}`}>
          <Field label="Day">
            <Input
              className={styles.day}
              type="number"
              min={0}
              value={String(step.day)}
              onChange={(_, data) =>
                setStep(index, { day: Math.max(0, Math.round(Number(data.value) || 0)) })
              }
            />
          </Field>
          <Field label="Kind">
            <Select
              value={step.type}
              onChange={(_, data) => setStep(index, { type: data.value as PlanStep['type'] })}
            >
              {(Object.keys(STEP_TYPES) as PlanStep['type'][]).map((type) => (
                <option key={type} value={type}>
                  {STEP_TYPES[type]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="What to do" required>
            <Input value={step.title} onChange={(_, data) => setStep(index, { title: data.value })} />
          </Field>
          {steps.length > 1 && (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => setSteps(steps.filter((_, at) => at !== index))}
            >
              Remove
            </Button>
          )}
        </div>
      ))}
      <div>
        <Button
          size="small"
          onClick={() =>
            setSteps([...steps, { day: (steps[steps.length - 1]?.day ?? 0) + 3, type: 'call', title: '' }])
          }
        >
          Add a step
        </Button>
      </div>
      {submission.failure && <ProblemMessage error={submission.failure} />}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={submission.busy}>
          Save plan
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/** Engagement plan templates, for admins and managers: each step on its day; add or remove one. */
export function PlansPage() {
  const styles = useStyles();
  const lists = useListStyles();
  const { api, user } = useServices();
  const plans = useRequest('engagement-plans', () => api.engagementPlans());
  const [writing, setWriting] = useState(false);
  const removal = useSubmission({ reusable: true });
  if (user.role === 'member') {
    return (
      <EmptyState title="No access">
        Admins and managers keep the engagement plans; you start them from a record.
      </EmptyState>
    );
  }
  const state = plans.state;
  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Engagement plans
      </Text>
      {state.status === 'loading' && <Spinner label="Loading plans…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={plans.reload} />}
      {removal.failure && <ProblemMessage error={removal.failure} />}
      {state.status === 'done' && (
        <Section title="Plans" isEmpty={state.data.length === 0} empty="No plans yet.">
          <ul className={lists.list} aria-label="Plans">
            {state.data.map((plan) => (
              <li key={plan.id} className={lists.entry} aria-label={plan.name}>
                <Text weight="semibold">{plan.name}</Text>
                <Text size={200} className={lists.meta}>
                  For {plan.recordType === 'contact' ? 'contacts' : 'opportunities'}; started from the record
                  or by a rule
                </Text>
                <ol className={styles.steps}>
                  {plan.steps.map((step, index) => (
                    <li key={index}>
                      <Text size={200}>{stepLine(step)}</Text>
                    </li>
                  ))}
                </ol>
                <div>
                  <Button
                    size="small"
                    disabled={removal.busy}
                    onClick={() =>
                      void removal.submit(async () => {
                        await api.deletePlan(plan.id);
                        plans.update((items) => items.filter((item) => item.id !== plan.id));
                      })
                    }
                  >
                    Delete
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {writing ? (
        <PlanForm
          onSaved={(plan) => {
            plans.update((items) => [...items, plan]);
            setWriting(false);
          }}
          onCancel={() => setWriting(false)}
        />
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setWriting(true)}>
            New plan
          </Button>
        </div>
      )}
    </>
  );
}
