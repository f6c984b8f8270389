import {
  Badge,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  consoleRecordPath,
  RECORD_TYPE_NAMES,
  type ApiError,
  type RecordType,
  type Task,
} from '@inbox-crm/shared/client';
import { formatDay } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { ConsoleLink } from './console-link.js';

const MAX_TASKS = 100;

const useStyles = makeStyles({
  task: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  about: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    color: tokens.colorNeutralForeground3,
  },
});

/** Soonest first; tasks with no due date last. */
const byDue = (a: Task, b: Task) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999');

function relatedRecords(task: Task): { type: RecordType; id: string }[] {
  const pairs: [RecordType, string | null][] = [
    ['contact', task.contactId],
    ['account', task.accountId],
    ['opportunity', task.opportunityId],
    ['case', task.caseId],
  ];
  return pairs
    .filter((pair): pair is [RecordType, string] => pair[1] !== null)
    .map(([type, id]) => ({ type, id }));
}

/** The signed-in user's open tasks, soonest first; ticking one marks it done. */
export function TasksPage() {
  const styles = useStyles();
  const lists = useListStyles();
  const { api, user } = useServices();
  const tasks = useRequest('my-tasks', () =>
    api.listTasks({ assigneeId: user.id, done: false, limit: MAX_TASKS }),
  );
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const now = new Date().toISOString();

  async function complete(task: Task) {
    setFailure(null);
    try {
      await api.updateTask(task.id, { version: task.version, done: true });
      tasks.update((page) => ({ ...page, items: page.items.filter((item) => item.id !== task.id) }));
      setDone(`“${task.title}” is done.`);
    } catch (error) {
      setFailure(asApiError(error));
    }
  }

  const state = tasks.state;
  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        My tasks
      </Text>
      {done && (
        <MessageBar intent="success" aria-live="polite">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ProblemMessage error={failure} onRetry={tasks.reload} />}
      {state.status === 'loading' && <Spinner label="Loading your tasks…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={tasks.reload} />}
      {state.status === 'done' && state.data.items.length === 0 && (
        <Text role="status">You have no open tasks.</Text>
      )}
      {state.status === 'done' && (
        <ul className={lists.list} aria-label="Open tasks">
          {[...state.data.items].sort(byDue).map((task) => (
            <li key={task.id} className={styles.task}>
              <Checkbox label={task.title} checked={false} onChange={() => void complete(task)} />
              <span className={styles.about}>
                {task.dueAt && (
                  <Badge appearance="tint" color={task.dueAt < now ? 'danger' : 'informative'}>
                    {task.dueAt < now ? 'overdue · ' : 'due '}
                    {formatDay(task.dueAt)}
                  </Badge>
                )}
                {relatedRecords(task).map((record) => (
                  <ConsoleLink key={record.type} to={consoleRecordPath(record)}>
                    {RECORD_TYPE_NAMES[record.type]}
                  </ConsoleLink>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
