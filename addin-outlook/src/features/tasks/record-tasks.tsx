import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError, RecordRef } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { asApiError } from '../../ui/use-request.js';
import { TaskDialog } from './task-dialog.js';
import { TaskList } from './task-list.js';
import { TASK_LINKS } from './task-draft.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** A record's open tasks, whoever they are for, and a new one made about the record. */
export function RecordTasks({ record }: { record: RecordRef }) {
  const styles = useStyles();
  const [editing, setEditing] = useState<{ taskId?: string } | null>(null);
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const field = TASK_LINKS.find((link) => link.type === record.type)!.key;
  return (
    <section className={styles.section} aria-label="Open tasks">
      <div className={styles.heading}>
        <Text as="h2" size={300} weight="semibold">
          Open tasks
        </Text>
        <Button size="small" onClick={() => setEditing({})}>
          New task
        </Button>
      </div>
      {notice && (
        <Text role="status" size={200}>
          {notice}
        </Text>
      )}
      {failure && <ProblemMessage error={failure} />}
      <TaskList
        label="Open tasks of this record"
        query={{ [field]: record.id, done: false }}
        round={round}
        showAssignee
        empty="No open tasks. Add one to be reminded of the next step."
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
        links={{ [field]: record.id }}
        onClose={() => setEditing(null)}
        onSaved={(task) => {
          setEditing(null);
          setNotice(`“${task.title}” is saved.`);
          setRound((value) => value + 1);
        }}
      />
    </section>
  );
}
