import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { PRIORITY_NAMES, REMINDER_CHOICES, type ApiError, type Task } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { fieldErrors } from '../record-forms/field-errors.js';
import { RecordPicker } from '../record-forms/record-picker.js';
import { SaveProblem } from '../record-forms/save-problem.js';
import {
  draftOfTask,
  newTaskDraft,
  TASK_LINKS,
  taskBodyOf,
  taskChanges,
  type TaskDraft,
  type TaskLinks,
} from './task-draft.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  /** The task to edit (its id), or none to create one. */
  taskId?: string | undefined;
  /** The records a new task concerns at first (the record page it was made from). */
  links?: TaskLinks;
  onClose: () => void;
  onSaved: (task: Task) => void;
}

/** A task's form in a ModalDialog. */
export function TaskDialog(props: Props & { open: boolean }) {
  const { open, ...form } = props;
  return (
    <ModalDialog open={open} onClose={form.onClose}>
      {form.taskId ? <LoadedTaskForm {...form} taskId={form.taskId} /> : <TaskForm {...form} />}
    </ModalDialog>
  );
}

function LoadedTaskForm(props: Props & { taskId: string }) {
  const { api } = useServices();
  const task = useRequest(`task:${props.taskId}`, () => api.getTask(props.taskId));
  if (task.state.status === 'loading') return <Spinner label="Loading the task…" />;
  if (task.state.status === 'failed')
    return <ProblemMessage error={task.state.error} onRetry={task.reload} />;
  return <TaskForm {...props} task={task.state.data} />;
}

/** Creates a task, or edits one: only what changed is sent, and a lost race never overwrites. */
function TaskForm({ task, links, onClose, onSaved }: Props & { task?: Task }) {
  const styles = useStyles();
  const { api, user } = useServices();
  const people = useRequest('users', () => api.users());
  const [opened, setOpened] = useState(task);
  const [draft, setDraft] = useState<TaskDraft>(() =>
    task ? draftOfTask(task) : newTaskDraft(user.id, links),
  );
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TaskDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const errors = fieldErrors(failure);
  const stale = failure?.code === 'stale_version';
  const teammates =
    people.state.status === 'done' ? people.state.data.items.filter((person) => person.active) : [];

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      if (!opened) return onSaved(await api.createTask(taskBodyOf(draft)));
      const changes = taskChanges(opened, draft);
      if (Object.keys(changes).length === 0) return onClose();
      onSaved(await api.updateTask(opened.id, { version: opened.version, ...changes }));
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  }

  async function loadLatest() {
    if (!opened) return;
    try {
      const latest = await api.getTask(opened.id);
      setOpened(latest);
      setDraft(draftOfTask(latest));
      setFailure(null);
    } catch (error) {
      setFailure(asApiError(error));
    }
  }

  return (
    <form onSubmit={(event) => void save(event)}>
      <DialogBody>
        <DialogTitle>{opened ? 'Edit task' : 'New task'}</DialogTitle>
        <DialogContent className={styles.form}>
          <Field label="Title" required {...(errors.title ? { validationMessage: errors.title } : {})}>
            <Input value={draft.title} onChange={(_, data) => set({ title: data.value })} />
          </Field>
          <Field label="Due date">
            <Input type="date" value={draft.day} onChange={(_, data) => set({ day: data.value })} />
          </Field>
          <Field label="Priority">
            <Select
              value={draft.priority}
              onChange={(_, data) => set({ priority: data.value as TaskDraft['priority'] })}
            >
              {(['low', 'normal', 'high'] as const).map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_NAMES[priority]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Assigned to">
            <Select value={draft.assigneeId} onChange={(_, data) => set({ assigneeId: data.value })}>
              <option value="">Nobody</option>
              {teammates.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.id === user.id ? `${person.name} (me)` : person.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Remind">
            <Select value={draft.reminder} onChange={(_, data) => set({ reminder: data.value })}>
              {REMINDER_CHOICES.map((choice) => (
                <option key={choice.label} value={choice.minutes === null ? '' : String(choice.minutes)}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </Field>
          {TASK_LINKS.map((link) => (
            <Field
              key={link.key}
              label={link.label}
              {...(errors[link.key] ? { validationMessage: errors[link.key] } : {})}
            >
              <RecordPicker
                type={link.type}
                value={draft.links[link.key]}
                onChange={(id) => set({ links: { ...draft.links, [link.key]: id } })}
              />
            </Field>
          ))}
          <Field label="Notes">
            <Textarea
              value={draft.notes}
              resize="vertical"
              onChange={(_, data) => set({ notes: data.value })}
            />
          </Field>
          <SaveProblem
            error={failure}
            placed={Object.keys(errors).length > 0}
            onLoadLatest={() => void loadLatest()}
          />
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={busy || stale || draft.title.trim() === ''}>
            {busy ? <Spinner size="tiny" label="Saving…" /> : opened ? 'Save changes' : 'Create task'}
          </Button>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
