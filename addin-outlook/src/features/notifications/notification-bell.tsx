import { Button, CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useServices } from '../../ui/services.js';
import { NotificationList } from './notification-list.js';
import { overdueTasksText, useBellCounts } from './use-bell-counts.js';

const PANEL_WIDTH = 360;
/** The least gap between the panel and the window's edge. */
const EDGE = 8;

const useStyles = makeStyles({
  anchor: { position: 'relative' },
  // The count sits over the bell; clicks go through it to the button.
  count: { position: 'absolute', top: '-2px', right: '-2px', pointerEvents: 'none' },
  panel: {
    position: 'absolute',
    top: '100%',
    right: 0,
    zIndex: 10,
    boxSizing: 'border-box',
    width: `min(${PANEL_WIDTH}px, calc(100vw - ${2 * EDGE}px))`,
    maxHeight: '70vh',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/**
 * How far the panel's right edge sits right of the bell's: none, unless the panel would then run out
 * of the window on the left (in a 320 px pane the bell is not at the far right).
 */
function panelRightOffset(anchor: HTMLElement | null): number {
  if (!anchor) return 0;
  const width = Math.min(PANEL_WIDTH, window.innerWidth - 2 * EDGE);
  return Math.min(0, anchor.getBoundingClientRect().right - width - EDGE);
}

/**
 * A bell with the count of what waits for the user (unread notifications and their overdue tasks);
 * it opens them in a panel below it (a plain disclosure, which stays usable in the narrow task
 * pane), closed again by the bell or Escape.
 */
export function NotificationBell({ inConsole }: { inConsole: boolean }) {
  const styles = useStyles();
  const { api } = useServices();
  const [counts, refresh] = useBellCounts(api);
  const [open, setOpen] = useState(false);
  const [right, setRight] = useState(0);
  const anchor = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const label = [
    'Notifications',
    counts.unread > 0 && `${counts.unread} unread`,
    overdueTasksText(counts.overdueTasks),
  ]
    .filter(Boolean)
    .join(', ');
  const waiting = counts.unread + counts.overdueTasks;
  const close = () => {
    setOpen(false);
    refresh();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) close();
  };
  return (
    <div ref={anchor} className={styles.anchor} onKeyDown={closeOnEscape}>
      <Button
        size="small"
        appearance="subtle"
        icon={<AlertRegular />}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (open) return close();
          setRight(panelRightOffset(anchor.current));
          setOpen(true);
        }}
      />
      {waiting > 0 && (
        <CounterBadge className={styles.count} size="small" count={waiting} overflowCount={99} aria-hidden />
      )}
      {open && (
        <div id={panelId} className={styles.panel} style={{ right }}>
          <NotificationList inConsole={inConsole} overdueTasks={counts.overdueTasks} onChange={refresh} />
        </div>
      )}
    </div>
  );
}
