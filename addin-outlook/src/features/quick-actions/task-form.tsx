import { Field, Input, Select, Text, ToggleButton } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { REMINDER_CHOICES, type SenderView, type TaskCreate } from '@inbox-crm/shared/client';
import { FormActions } from '../../ui/form-actions.js';
import { usePanelStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { useRequest } from '../../ui/use-request.js';
import { dayAfter, DUE_PRESETS, dueAtFor } from './due-dates.js';

interface Props {
  view: SenderView;
  personName: string;
  onDone: (summary: string) => void;
  onCancel: () => void;
}

/** The task's tie to the person's records, plus the opportunity or case picked as "regarding". */
function taskLinks(
  view: SenderView,
  regarding: string,
): Pick<TaskCreate, 'contactId' | 'accountId' | 'opportunityId' | 'caseId'> {
  const [type, id] = regarding.split(':');
  return {
    contactId: view.contact?.id ?? null,
    accountId: view.account?.id ?? null,
    opportunityId: type === 'opportunity' ? (id ?? null) : null,
    caseId: type === 'case' ? (id ?? null) : null,
  };
}

/** A follow-up task: due in a click ("in 3 days") or on a picked day, for anyone in the team. */
export function TaskForm({ view, personName, onDone, onCancel }: Props) {
  const styles = usePanelStyles();
  const { api, user } = useServices();
  const users = useRequest('users', () => api.users());
  const [title, setTitle] = useState(`Follow up with ${personName}`);
  const [day, setDay] = useState(() => dayAfter(new Date(), 3));
  const [assigneeId, setAssigneeId] = useState(user.id);
  const [regarding, setRegarding] = useState('');
  const [reminder, setReminder] = useState('');
  const { busy, failure, submit: run } = useSubmission();
  const today = new Date();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api.createTask({
        title: title.trim(),
        dueAt: dueAtFor(day),
        // The zone the due time was picked in: the reminder and "overdue" follow the user's day.
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        reminderMinutes: reminder === '' ? null : Number(reminder),
        assigneeId,
        ...taskLinks(view, regarding),
      });
      onDone(`Task "${title.trim()}" created.`);
    });
  }

  const teammates =
    users.state.status === 'done' ? users.state.data.items.filter((member) => member.active) : [user];
  return (
    <form className={styles.panel} aria-label="Create a follow-up task" onSubmit={submit}>
      <Text weight="semibold">Follow-up task</Text>
      <Field label="Title" required>
        <Input value={title} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <div className={styles.actions} role="group" aria-label="Due">
        {DUE_PRESETS.map((preset) => {
          const presetDay = dayAfter(today, preset.days);
          return (
            <ToggleButton
              key={preset.days}
              size="small"
              checked={day === presetDay}
              onClick={() => setDay(presetDay)}
            >
              {preset.label}
            </ToggleButton>
          );
        })}
      </div>
      <Field label="Due date">
        <Input type="date" value={day} onChange={(_, data) => setDay(data.value)} />
      </Field>
      <Field label="Remind">
        <Select value={reminder} onChange={(_, data) => setReminder(data.value)}>
          {REMINDER_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.minutes === null ? '' : String(choice.minutes)}>
              {choice.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Assignee">
        <Select value={assigneeId} onChange={(_, data) => setAssigneeId(data.value)}>
          {teammates.map((member) => (
            <option key={member.id} value={member.id}>
              {member.id === user.id ? `${member.name} (me)` : member.name}
            </option>
          ))}
        </Select>
      </Field>
      {(view.opportunities.length > 0 || view.cases.length > 0) && (
        <Field label="Regarding">
          <Select value={regarding} onChange={(_, data) => setRegarding(data.value)}>
            <option value="">Only {personName}</option>
            {view.opportunities.map((opportunity) => (
              <option key={opportunity.id} value={`opportunity:${opportunity.id}`}>
                Opportunity: {opportunity.name}
              </option>
            ))}
            {view.cases.map((item) => (
              <option key={item.id} value={`case:${item.id}`}>
                Case: {item.subject}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {failure && <ProblemMessage error={failure} />}
      <FormActions
        label="Create task"
        busyLabel="Saving…"
        busy={busy}
        disabled={title.trim() === ''}
        onCancel={onCancel}
      />
    </form>
  );
}
