import { Button, Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import type { EngagementPlan, User, Webhook, WorkflowAction } from '@inbox-crm/shared/client';
import { AssigneeField, DelayField } from './assignee-fields.js';

const useStyles = makeStyles({
  action: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

export const ACTION_LABELS: Record<WorkflowAction['type'], string> = {
  create_task: 'Create a task',
  send_reminder: 'Send a reminder',
  call_webhook: 'Call a webhook',
  start_plan: 'Start an engagement plan',
};

export interface ActionChoices {
  users: readonly User[];
  webhooks: readonly Webhook[];
  plans: readonly EngagementPlan[];
  emailEnabled: boolean;
}

/** One action of a rule, with the fields its type needs. */
export function ActionEditor(props: {
  index: number;
  action: WorkflowAction;
  choices: ActionChoices;
  onChange: (action: WorkflowAction) => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { action, choices, onChange } = props;
  return (
    <fieldset
      className={styles.action}
      aria-label={`Action ${props.index + 1}: ${ACTION_LABELS[action.type]}`}
    >
      <div className={styles.heading}>
        <Text weight="semibold">{ACTION_LABELS[action.type]}</Text>
        <Button size="small" appearance="subtle" onClick={props.onRemove}>
          Remove
        </Button>
      </div>
      {action.type === 'create_task' && (
        <>
          <Field label="Task title" required>
            <Input value={action.title} onChange={(_, data) => onChange({ ...action, title: data.value })} />
          </Field>
          <AssigneeField
            label="For"
            value={action.assignTo}
            users={choices.users}
            onChange={(assignTo) => onChange({ ...action, assignTo })}
          />
          <DelayField
            label="Due in"
            value={action.dueIn}
            units={['hours', 'days']}
            onChange={(dueIn) => onChange({ ...action, dueIn })}
          />
        </>
      )}
      {action.type === 'send_reminder' && (
        <>
          <Field label="Message" required>
            <Input
              value={action.message}
              onChange={(_, data) => onChange({ ...action, message: data.value })}
            />
          </Field>
          <AssigneeField
            label="To"
            value={action.to}
            users={choices.users}
            onChange={(to) => onChange({ ...action, to })}
          />
          <DelayField
            label="After"
            value={action.after}
            units={['minutes', 'hours', 'days']}
            onChange={(after) => onChange({ ...action, after })}
          />
          <Checkbox
            label={choices.emailEnabled ? 'Also by email' : 'Also by email (this server has no SMTP set up)'}
            disabled={!choices.emailEnabled}
            checked={action.email}
            onChange={(_, data) => onChange({ ...action, email: data.checked === true })}
          />
          <Field label="Also to a webhook">
            <Select
              value={action.webhookId ?? ''}
              onChange={(_, data) => {
                const { webhookId: _old, ...rest } = action;
                onChange(data.value ? { ...rest, webhookId: data.value } : rest);
              }}
            >
              <option value="">No webhook</option>
              {choices.webhooks.map((webhook) => (
                <option key={webhook.id} value={webhook.id}>
                  {webhook.name}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      {action.type === 'call_webhook' && (
        <Field label="Webhook" required>
          <Select
            value={action.webhookId}
            onChange={(_, data) => onChange({ ...action, webhookId: data.value })}
          >
            <option value="">Choose a webhook</option>
            {choices.webhooks.map((webhook) => (
              <option key={webhook.id} value={webhook.id}>
                {webhook.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {action.type === 'start_plan' && (
        <Field label="Engagement plan" required>
          <Select value={action.planId} onChange={(_, data) => onChange({ ...action, planId: data.value })}>
            <option value="">Choose a plan</option>
            {choices.plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name} ({plan.recordType})
              </option>
            ))}
          </Select>
        </Field>
      )}
    </fieldset>
  );
}
