import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SenderView } from '@inbox-crm/shared/client';
import { ActivityForm } from './activity-form.js';
import { StageForm } from './stage-form.js';
import { TaskForm } from './task-form.js';

type Action = 'note' | 'call' | 'task' | 'stage';

const useStyles = makeStyles({
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  view: SenderView;
  /** Told after a write, so the record on screen is read again. */
  onChanged: () => void;
}

/** Note, call, follow-up task and stage move, linked to the person's records, without leaving Outlook. */
export function QuickActions({ view, onChanged }: Props) {
  const styles = useStyles();
  const [open, setOpen] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const personName = view.contact?.name ?? view.account?.name ?? view.address ?? 'them';
  const start = (action: Action) => {
    setDone(null);
    setOpen(action);
  };
  const finish = (summary: string) => {
    setOpen(null);
    setDone(summary);
    onChanged();
  };
  const cancel = () => setOpen(null);

  return (
    <section className={styles.actions} aria-label="Quick actions">
      <div className={styles.buttons}>
        <Button size="small" onClick={() => start('note')} aria-pressed={open === 'note'}>
          Add note
        </Button>
        <Button size="small" onClick={() => start('call')} aria-pressed={open === 'call'}>
          Log call
        </Button>
        <Button size="small" onClick={() => start('task')} aria-pressed={open === 'task'}>
          Follow-up task
        </Button>
        {view.opportunities.length > 0 && (
          <Button size="small" onClick={() => start('stage')} aria-pressed={open === 'stage'}>
            Move stage
          </Button>
        )}
      </div>
      {done && (
        <MessageBar intent="success" aria-live="polite">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {(open === 'note' || open === 'call') && (
        <ActivityForm
          key={open}
          kind={open}
          view={view}
          personName={personName}
          onDone={finish}
          onCancel={cancel}
        />
      )}
      {open === 'task' && <TaskForm view={view} personName={personName} onDone={finish} onCancel={cancel} />}
      {open === 'stage' && <StageForm view={view} onDone={finish} onCancel={cancel} />}
    </section>
  );
}
