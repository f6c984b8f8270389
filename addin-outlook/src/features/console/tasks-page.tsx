import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError, TaskListViewQuery } from '@inbox-crm/shared/client';
import { NamedSelect } from '../../ui/named-select.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { TaskDialog } from '../tasks/task-dialog.js';
import { TaskList } from '../tasks/task-list.js';

type View = 'mine' | 'team' | 'done';

const useStyles = makeStyles({
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { flexGrow: 1 },
});

/**
 * My open tasks, my team's (all of them or one person's) and those done, soonest due first;
 * ticking one completes it, a done one is reopened, and any opens for editing.
 */
export function TasksPage() {
  const styles = useStyles();
  const { api, user } = useServices();
  const [view, setView] = useState<View>('mine');
  const [person, setPerson] = useState('');
  const [editing, setEditing] = useState<{ taskId?: string } | null>(null);
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const people = useRequest('users', () => api.users());
  const teammates =
    people.state.status === 'done'
      ? people.state.data.items.filter((member) => member.teamId === user.teamId && member.id !== user.id)
      : [];

  const queries: Record<View, TaskListViewQuery> = {
    mine: { assignee: 'me', done: false },
    team: { assignee: person || 'team', done: false },
    done: { assignee: 'me', done: true, sort: '-dueAt' },
  };
  const empty: Record<View, string> = {
    mine: 'No open tasks: new ones appear here, and so do those your workflow rules make for you.',
    team: person ? 'Nothing open for them.' : 'Your team has no open tasks.',
    done: 'Nothing done yet.',
  };

  return (
    <>
      <div className={styles.heading}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          Tasks
        </Text>
        <Button appearance="primary" onClick={() => setEditing({})}>
          New task
        </Button>
      </div>
      <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)}>
        <Tab value="mine">Mine</Tab>
        {user.teamId && <Tab value="team">My team</Tab>}
        <Tab value="done">Done</Tab>
      </TabList>
      {view === 'team' && (
        <NamedSelect
          label="Person"
          value={person}
          none="Everyone in my team"
          items={teammates}
          onChange={setPerson}
        />
      )}
      {notice && (
        <MessageBar intent="success" aria-live="polite">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ProblemMessage error={failure} />}
      <TaskList
        label={view === 'done' ? 'Done tasks' : 'Open tasks'}
        query={queries[view]}
        round={round}
        showAssignee={view === 'team'}
        empty={empty[view]}
        onEdit={(task) => setEditing({ taskId: task.id })}
        onChanged={(message) => {
          setFailure(null);
          setNotice(message);
        }}
        onFailed={(error) => setFailure(asApiError(error))}
      />
      <TaskDialog
        open={editing !== null}
        taskId={editing?.taskId}
        onClose={() => setEditing(null)}
        onSaved={(task) => {
          setEditing(null);
          setNotice(`“${task.title}” is saved.`);
          setRound((value) => value + 1);
        }}
      />
    </>
  );
}
