import { Button, makeStyles, Spinner, Switch, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkflowRule } from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState, Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';
import { FailedDeliveries, FailedJobs } from './failed-work.js';
import { RuleForm } from './rule-form.js';
import { ruleWords, type RuleNames } from './rule-words.js';

const useStyles = makeStyles({
  rule: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  controls: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** Everything the rules page reads once: rules, what rules can use, and names to show. */
function useWorkflowData() {
  const { api } = useServices();
  return useRequest('workflow', async () => {
    const [rules, catalogue, users, webhooks, plans, stages] = await Promise.all([
      api.workflowRules(),
      api.workflowCatalogue(),
      api.users(),
      api.webhooks(),
      api.engagementPlans(),
      api.pipelineStages(),
    ]);
    return {
      rules,
      catalogue,
      users: users.items,
      webhooks,
      plans,
      stages: stages.map((stage) => stage.name),
    };
  });
}

/** Workflow rules for admins: what each does, in words; switch on or off, delete, write a new one. */
export function WorkflowPage() {
  const styles = useStyles();
  const lists = useListStyles();
  const { api, user } = useServices();
  const data = useWorkflowData();
  // The rule in the form: a new one, one being changed, or none.
  const [editing, setEditing] = useState<WorkflowRule | 'new' | null>(null);
  const change = useSubmission({ reusable: true });

  if (user.role !== 'admin') {
    return (
      <EmptyState title="No access">
        Only admins manage workflow rules. Ask an admin of your organisation.
      </EmptyState>
    );
  }
  const state = data.state;
  if (state.status === 'loading') return <Spinner label="Loading the rules…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={data.reload} />;
  const { rules, users, webhooks, plans } = state.data;
  const names: RuleNames = {
    user: (id) => users.find((candidate) => candidate.id === id)?.name ?? 'a user',
    webhook: (id) => webhooks.find((candidate) => candidate.id === id)?.name ?? 'a webhook',
    plan: (id) => plans.find((candidate) => candidate.id === id)?.name ?? 'a plan',
  };
  const replace = (rule: WorkflowRule) =>
    data.update((loaded) => ({
      ...loaded,
      rules: loaded.rules.map((old) => (old.id === rule.id ? rule : old)),
    }));

  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Workflow rules
      </Text>
      {change.failure && <ProblemMessage error={change.failure} />}
      <Section title="Rules" isEmpty={rules.length === 0} empty="No rules yet.">
        <ul className={lists.list} aria-label="Rules">
          {rules.map((rule) => (
            <li key={rule.id} className={styles.rule} aria-label={rule.name}>
              <Text weight="semibold">{rule.name}</Text>
              <Text size={200}>{ruleWords(rule, names)}</Text>
              <span className={styles.controls}>
                <Switch
                  label={rule.enabled ? 'On' : 'Off'}
                  checked={rule.enabled}
                  disabled={change.busy}
                  onChange={(_, event) =>
                    void change.submit(async () =>
                      replace(
                        await api.updateWorkflowRule(rule.id, {
                          version: rule.version,
                          enabled: event.checked,
                        }),
                      ),
                    )
                  }
                />
                <Button size="small" disabled={editing !== null} onClick={() => setEditing(rule)}>
                  Edit
                </Button>
                <Button
                  size="small"
                  disabled={change.busy}
                  onClick={() =>
                    void change.submit(async () => {
                      await api.deleteWorkflowRule(rule.id);
                      data.update((loaded) => ({
                        ...loaded,
                        rules: loaded.rules.filter((old) => old.id !== rule.id),
                      }));
                    })
                  }
                >
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      </Section>
      {editing ? (
        <RuleForm
          key={editing === 'new' ? 'new' : editing.id}
          {...(editing === 'new' ? {} : { rule: editing })}
          catalogue={state.data.catalogue}
          stages={state.data.stages}
          choices={{ users, webhooks, plans, emailEnabled: state.data.catalogue.emailEnabled }}
          onSaved={(rule) => {
            if (editing === 'new') data.update((loaded) => ({ ...loaded, rules: [...loaded.rules, rule] }));
            else replace(rule);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setEditing('new')}>
            New rule
          </Button>
        </div>
      )}
      <FailedDeliveries />
      <FailedJobs />
    </>
  );
}
