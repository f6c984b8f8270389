import {
  Badge,
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
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
import { formatMoment } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { ConsoleLink } from './console-link.js';

type View = 'mine' | 'team' | 'done';

const useStyles = makeStyles({
  task: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  about: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
    color: tokens.colorNeutralForeground3,
  },
});

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

function DueBadge({ task }: { task: Task }) {
  if (!task.dueAt) return null;
  return (
    <Badge appearance="tint" color={task.overdue ? 'danger' : 'informative'}>
      {task.overdue ? 'overdue · ' : 'due '}
      {formatMoment(task.dueAt)}
    </Badge>
  );
}

/**
 * My open tasks and my team's, overdue first (the server's order); ticking one completes it, and a
 * task done by mistake is reopened from "Done".
 */
export function TasksPage() {
  const styles = useStyles();
  const lists = useListStyles();
  const { api, user } = useServices();
  const [view, setView] = useState<View>('mine');
  const tasks = useRequest(`tasks:${view}`, () =>
    view === 'team' ? api.teamTasks() : api.myTasks(view === 'done' ? { done: true } : {}),
  );
  const people = useRequest('users', () => api.users());
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const nameOf = (id: string | null) =>
    people.state.status === 'done'
      ? (people.state.data.items.find((person) => person.id === id)?.name ?? '')
      : '';

  async function change(task: Task, done: boolean) {
    setFailure(null);
    try {
      await (done ? api.completeTask(task.id) : api.reopenTask(task.id));
      tasks.update((items) => items.filter((item) => item.id !== task.id));
      setNotice(done ? `“${task.title}” is done.` : `“${task.title}” is open again.`);
    } catch (error) {
      setFailure(asApiError(error));
    }
  }

  const state = tasks.state;
  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Tasks
      </Text>
      <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)}>
        <Tab value="mine">Mine</Tab>
        {user.teamId && <Tab value="team">My team</Tab>}
        <Tab value="done">Done</Tab>
      </TabList>
      {notice && (
        <MessageBar intent="success" aria-live="polite">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ProblemMessage error={failure} onRetry={tasks.reload} />}
      {state.status === 'loading' && <Spinner label="Loading tasks…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={tasks.reload} />}
      {state.status === 'done' && state.data.length === 0 && (
        <Text role="status">{view === 'done' ? 'Nothing done yet.' : 'No open tasks.'}</Text>
      )}
      {state.status === 'done' && (
        <ul className={lists.list} aria-label={view === 'done' ? 'Done tasks' : 'Open tasks'}>
          {state.data.map((task) => (
            <li key={task.id} className={styles.task}>
              {view === 'done' ? (
                <>
                  <Text>{task.title}</Text>
                  <Button size="small" onClick={() => void change(task, false)}>
                    Reopen
                  </Button>
                </>
              ) : (
                <Checkbox label={task.title} checked={false} onChange={() => void change(task, true)} />
              )}
              <span className={styles.about}>
                {view !== 'done' && <DueBadge task={task} />}
                {view === 'team' && task.assigneeId !== user.id && (
                  <Text size={200}>{nameOf(task.assigneeId)}</Text>
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
