import { Button, Spinner, Text } from '@fluentui/react-components';
import { formatMoment } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';

/** Emails and webhook calls that failed for good, with why; each can be sent again. */
export function FailedDeliveries() {
  const lists = useListStyles();
  const { api } = useServices();
  const failed = useRequest('failed-deliveries', () => api.deliveries({ status: 'failed', limit: 50 }));
  const retry = useSubmission({ reusable: true });
  const state = failed.state;
  if (state.status === 'loading') return <Spinner size="tiny" label="Loading failed deliveries…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={failed.reload} />;
  return (
    <Section
      title="Failed deliveries"
      isEmpty={state.data.items.length === 0}
      empty="No email or webhook call has failed."
    >
      {retry.failure && <ProblemMessage error={retry.failure} />}
      <ul className={lists.list} aria-label="Failed deliveries">
        {state.data.items.map((delivery) => (
          <li key={delivery.id} className={lists.entry}>
            <Text>
              {delivery.channel === 'webhook' ? 'Webhook' : 'Email to'} {delivery.recipient}
            </Text>
            <Text size={200} className={lists.meta}>
              {delivery.event} · {delivery.attempts} attempts · last {delivery.lastError ?? 'failed'} ·{' '}
              {formatMoment(delivery.createdAt)}
            </Text>
            <div>
              <Button
                size="small"
                disabled={retry.busy}
                onClick={() =>
                  void retry.submit(async () => {
                    await api.retryDelivery(delivery.id);
                    failed.update((page) => ({
                      ...page,
                      items: page.items.filter((item) => item.id !== delivery.id),
                    }));
                  })
                }
              >
                Send again
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}

const JOB_WORDS: Record<string, string> = {
  record_event: "A rule's actions",
  workflow_reminder: "A rule's reminder",
  task_reminder: 'A task reminder',
  task_overdue: 'An overdue check',
  plan_step: 'A plan step',
};

/** Rule actions, reminders and plan steps that failed for good, with why; each can run again. */
export function FailedJobs() {
  const lists = useListStyles();
  const { api } = useServices();
  const failed = useRequest('failed-jobs', () => api.failedJobs());
  const retry = useSubmission({ reusable: true });
  const state = failed.state;
  if (state.status === 'loading') return <Spinner size="tiny" label="Loading failed work…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={failed.reload} />;
  return (
    <Section title="Failed rule actions" isEmpty={state.data.length === 0} empty="Every rule action has run.">
      {retry.failure && <ProblemMessage error={retry.failure} />}
      <ul className={lists.list} aria-label="Failed rule actions">
        {state.data.map((job) => (
          <li key={job.id} className={lists.entry}>
            <Text>{JOB_WORDS[job.kind] ?? job.kind}</Text>
            <Text size={200} className={lists.meta}>
              {job.attempts} attempts · {job.lastError ?? 'failed'}
              {job.failedAt ? ` · ${formatMoment(job.failedAt)}` : ''}
            </Text>
            <div>
              <Button
                size="small"
                disabled={retry.busy}
                onClick={() =>
                  void retry.submit(async () => {
                    await api.retryJob(job.id);
                    failed.update((items) => items.filter((item) => item.id !== job.id));
                  })
                }
              >
                Run again
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}
