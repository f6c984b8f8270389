import { Button, CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useId, useState, type KeyboardEvent } from 'react';
import { useServices } from '../../ui/services.js';
import { NotificationList } from './notification-list.js';
import { useUnreadCount } from './use-unread-count.js';

const useStyles = makeStyles({
  anchor: { position: 'relative' },
  // The count sits over the bell; clicks go through it to the button.
  count: { position: 'absolute', top: '-2px', right: '-2px', pointerEvents: 'none' },
  panel: {
    position: 'absolute',
    top: '100%',
    right: 0,
    zIndex: 10,
    width: 'min(360px, 90vw)',
    maxHeight: '70vh',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/**
 * A bell with the unread count; it opens the latest notifications in a panel below it (a plain
 * disclosure, which stays usable in the narrow task pane), closed again by the bell or Escape.
 */
export function NotificationBell({ inConsole }: { inConsole: boolean }) {
  const styles = useStyles();
  const { api } = useServices();
  const [unread, refresh] = useUnreadCount(api);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  const close = () => {
    setOpen(false);
    refresh();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) close();
  };
  return (
    <div className={styles.anchor} onKeyDown={closeOnEscape}>
      <Button
        size="small"
        appearance="subtle"
        icon={<AlertRegular />}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
      />
      {unread > 0 && (
        <CounterBadge className={styles.count} size="small" count={unread} overflowCount={99} aria-hidden />
      )}
      {open && (
        <div id={panelId} className={styles.panel}>
          <NotificationList inConsole={inConsole} onChange={refresh} />
        </div>
      )}
    </div>
  );
}
