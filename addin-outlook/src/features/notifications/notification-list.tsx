import { Button, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { consoleRecordPath, type ApiError, type Notification } from '@inbox-crm/shared/client';
import { formatMoment } from '../../ui/format.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { ConsoleLink } from '../console/console-link.js';
import { overdueTasksText } from './use-bell-counts.js';

const SHOWN = 20;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  body: { color: tokens.colorNeutralForeground2, whiteSpace: 'pre-line' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  heading: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  overdue: { color: tokens.colorPaletteRedForeground1 },
});

const MY_TASKS = '/app/tasks';

/** A link to a console page: within the console, or a new tab from the task pane. */
function PageLink({ to, label, inConsole }: { to: string; label: string; inConsole: boolean }) {
  if (inConsole) return <ConsoleLink to={to}>{label}</ConsoleLink>;
  return (
    <Link href={to} target="_blank">
      {label}
    </Link>
  );
}

function RecordLink({ notification, inConsole }: { notification: Notification; inConsole: boolean }) {
  if (notification.record) {
    return (
      <PageLink to={consoleRecordPath(notification.record)} label="Open the record" inConsole={inConsole} />
    );
  }
  if (notification.taskId) return <PageLink to={MY_TASKS} label="Open my tasks" inConsole={inConsole} />;
  return null;
}

/** Tasks past due are not notifications (nothing to mark read): they stay until done or moved. */
function OverdueTasksEntry({ count, inConsole }: { count: number; inConsole: boolean }) {
  const styles = useStyles();
  const text = overdueTasksText(count);
  if (!text) return null;
  return (
    <li className={styles.item} aria-label={text}>
      <Text weight="semibold" className={styles.overdue}>
        <WarningRegular aria-hidden /> {text}
      </Text>
      <Text size={200} className={styles.body}>
        Past their due time and not done yet.
      </Text>
      <span className={styles.meta}>
        <PageLink to={MY_TASKS} label="Open my tasks" inConsole={inConsole} />
      </span>
    </li>
  );
}

interface Props {
  inConsole: boolean;
  /** The user's open tasks past due, listed first. */
  overdueTasks: number;
  onChange: () => void;
}

/**
 * The user's overdue tasks, then the latest notifications, unread ones in bold; each can be marked
 * read, or all at once.
 */
export function NotificationList({ inConsole, overdueTasks, onChange }: Props) {
  const styles = useStyles();
  const { api } = useServices();
  const list = useRequest('notifications', () => api.notifications({ limit: SHOWN }));
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function act(change: () => Promise<unknown>) {
    setFailure(null);
    try {
      await change();
      list.refresh();
      onChange();
    } catch (error) {
      setFailure(asApiError(error));
    }
  }

  const state = list.state;
  if (state.status === 'loading') return <Spinner size="small" label="Loading notifications…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={list.reload} />;
  const items = state.data.items;
  const newest = items[0];
  return (
    <section aria-label="Notifications">
      <div className={styles.heading}>
        <Text weight="semibold">Notifications</Text>
        {newest && items.some((item) => item.readAt === null) && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => void act(() => api.markAllNotificationsRead(newest.id))}
          >
            Mark all read
          </Button>
        )}
      </div>
      {failure && <ProblemMessage error={failure} />}
      {items.length === 0 && overdueTasks === 0 && (
        <Text role="status">Nothing yet: reminders and new tasks from rules show here.</Text>
      )}
      <ul className={styles.list}>
        <OverdueTasksEntry count={overdueTasks} inConsole={inConsole} />
        {items.map((item) => (
          <li
            key={item.id}
            className={styles.item}
            aria-label={item.readAt === null ? `Unread: ${item.title}` : item.title}
          >
            <Text weight={item.readAt === null ? 'semibold' : 'regular'}>{item.title}</Text>
            {item.body && (
              <Text size={200} className={styles.body}>
                {item.body}
              </Text>
            )}
            <span className={styles.meta}>
              <Text size={200}>{formatMoment(item.createdAt)}</Text>
              <RecordLink notification={item} inConsole={inConsole} />
              {item.readAt === null && (
                <Button
                  size="small"
                  appearance="transparent"
                  onClick={() => void act(() => api.markNotificationRead(item.id))}
                >
                  Mark read
                </Button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
