import { Badge, Button, Checkbox, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { consoleRecordPath, type TaskListRow, type TaskListViewQuery } from '@inbox-crm/shared/client';
import { formatMoment } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { LoadMore } from '../../ui/load-more.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { usePagedList } from '../../ui/use-paged-list.js';
import { ConsoleLink } from '../console/console-link.js';

const useStyles = makeStyles({
  task: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  about: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
    color: tokens.colorNeutralForeground3,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
});

function DueBadge({ task }: { task: TaskListRow }) {
  if (!task.dueAt || task.done) return null;
  return (
    <Badge appearance="tint" color={task.overdue ? 'danger' : 'informative'}>
      {task.overdue ? 'Overdue · ' : 'Due '}
      {formatMoment(task.dueAt)}
    </Badge>
  );
}

/** "Acme · Fleet renewal": the records a task concerns, each a link. */
function Concerns({ task }: { task: TaskListRow }) {
  return (
    <span>
      {task.records.map((record, index) => (
        <Fragment key={record.id}>
          {index > 0 && ' · '}
          <ConsoleLink to={consoleRecordPath(record)}>{record.name}</ConsoleLink>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * Tasks as a worklist: ticking one completes it (or, done, reopens it), each names the records it
 * concerns and whom it is for, and opens for editing.
 */
export function TaskList(props: {
  label: string;
  query: TaskListViewQuery;
  /** Changes when the list must be read again (a task was saved elsewhere). */
  round: number;
  showAssignee: boolean;
  empty: string;
  onEdit: (task: TaskListRow) => void;
  onChanged: (message: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const styles = useStyles();
  const lists = useListStyles();
  const { api, user } = useServices();
  const { query } = props;
  const list = usePagedList<TaskListRow>(`${JSON.stringify(query)}:${props.round}`, (cursor) =>
    api.list('tasks', { ...query, ...(cursor ? { cursor } : {}) }),
  );

  async function tick(task: TaskListRow) {
    try {
      await (task.done ? api.reopenTask(task.id) : api.completeTask(task.id));
      props.onChanged(task.done ? `“${task.title}” is open again.` : `“${task.title}” is done.`);
      list.reload();
    } catch (error) {
      props.onFailed(error);
    }
  }

  if (list.state.status === 'loading') return <Spinner size="small" label="Loading tasks…" />;
  if (list.state.status === 'failed')
    return <ProblemMessage error={list.state.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <Text role="status">{props.empty}</Text>;
  return (
    <>
      <ul className={lists.list} aria-label={props.label}>
        {list.items.map((task) => (
          <li key={task.id} className={styles.task}>
            <Checkbox label={task.title} checked={task.done} onChange={() => void tick(task)} />
            <span className={styles.about}>
              <DueBadge task={task} />
              {props.showAssignee && task.assignee && task.assignee.id !== user.id && (
                <Text size={200}>for {task.assignee.name}</Text>
              )}
              <Concerns task={task} />
              <Button
                size="small"
                appearance="subtle"
                onClick={() => props.onEdit(task)}
                aria-label={`Edit ${task.title}`}
              >
                Edit
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <LoadMore list={list} label="Show more" />
    </>
  );
}
