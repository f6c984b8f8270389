import { Button, Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import {
  PRIORITY_NAMES,
  type EngagementPlan,
  type User,
  type Webhook,
  type WorkflowAction,
} from '@inbox-crm/shared/client';
import { NamedSelect } from '../../ui/named-select.js';
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
  update_case: 'Change the case',
};

const PRIORITY_CHOICES = ['low', 'normal', 'high', 'urgent'] as const;

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
          <NamedSelect
            label="Also to a webhook"
            value={action.webhookId ?? ''}
            none="No webhook"
            items={choices.webhooks}
            onChange={(webhookId) => {
              const { webhookId: _old, ...rest } = action;
              onChange(webhookId ? { ...rest, webhookId } : rest);
            }}
          />
        </>
      )}
      {action.type === 'call_webhook' && (
        <NamedSelect
          label="Webhook"
          required
          value={action.webhookId}
          none="Choose a webhook"
          items={choices.webhooks}
          onChange={(webhookId) => onChange({ ...action, webhookId })}
        />
      )}
      {action.type === 'update_case' && (
        <>
          <Field label="Priority">
            <Select
              value={action.priority ?? ''}
              onChange={(_, data) => {
                const { priority: _old, ...rest } = action;
                const priority = PRIORITY_CHOICES.find((choice) => choice === data.value);
                onChange(priority ? { ...rest, priority } : rest);
              }}
            >
              <option value="">Stays as it is</option>
              {PRIORITY_CHOICES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_NAMES[priority]}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            label="Hand it on"
            checked={action.assignTo !== undefined}
            onChange={(_, data) => {
              const { assignTo: _old, ...rest } = action;
              onChange(data.checked === true ? { ...rest, assignTo: { type: 'owner_manager' } } : rest);
            }}
          />
          {action.assignTo && (
            <AssigneeField
              label="To"
              value={action.assignTo}
              users={choices.users}
              onChange={(assignTo) => onChange({ ...action, assignTo })}
            />
          )}
        </>
      )}
      {action.type === 'start_plan' && (
        <NamedSelect
          label="Engagement plan"
          required
          value={action.planId}
          none="Choose a plan"
          items={choices.plans.map((plan) => ({ id: plan.id, name: `${plan.name} (${plan.recordType})` }))}
          onChange={(planId) => onChange({ ...action, planId })}
        />
      )}
    </fieldset>
  );
}
