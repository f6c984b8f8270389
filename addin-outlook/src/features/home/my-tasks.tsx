import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { consoleRecordPath, type HomeTasks, type TaskListRow } from '@inbox-crm/shared/client';
import { EntryList } from '../../ui/entry-list.js';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { HomeSection } from './home-section.js';
import { countOf, dueWords } from './home-words.js';

const useStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** "Overdue · was due 1 Dec, 09:00 · Acme · Fleet renewal", the records each a link. */
function TaskLine({ task }: { task: TaskListRow }) {
  const styles = useStyles();
  return (
    <>
      <span className={task.overdue ? styles.overdue : undefined}>{dueWords(task)}</span>
      {task.records.map((record) => (
        <Fragment key={record.id}>
          {' · '}
          <ConsoleLink to={consoleRecordPath(record)}>{record.name || 'Unnamed'}</ConsoleLink>
        </Fragment>
      ))}
    </>
  );
}

/** The caller's open tasks, due soonest first, with how many there are and how many are overdue. */
export function MyTasks({ tasks }: { tasks: HomeTasks }) {
  const styles = useStyles();
  const summary =
    tasks.open.value === 0 ? undefined : (
      <>
        {countOf(tasks.open, 'open task', 'open tasks')}
        {' · '}
        <span className={tasks.overdue.value > 0 ? styles.overdue : undefined}>
          {tasks.overdue.value === 0 ? 'none overdue' : `${countOf(tasks.overdue, 'task', 'tasks')} overdue`}
        </span>
      </>
    );
  return (
    <HomeSection
      title="My open tasks"
      summary={summary}
      isEmpty={tasks.items.length === 0}
      empty="No open tasks — create one from any record page."
      more={{ to: CONSOLE_PATHS.tasks, label: 'All my tasks' }}
    >
      <EntryList
        label="My open tasks, due soonest first"
        entries={tasks.items.map((task) => ({
          key: task.id,
          title: <Text weight="semibold">{task.title}</Text>,
          meta: <TaskLine task={task} />,
        }))}
      />
    </HomeSection>
  );
}
