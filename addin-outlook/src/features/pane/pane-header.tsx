import { Button, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import { useServices } from '../../ui/services.js';
import { NotificationBell } from '../notifications/notification-bell.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  who: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
});

export function PaneHeader() {
  const styles = useStyles();
  const { user, signOut } = useServices();
  return (
    <header className={styles.header}>
      <Text weight="semibold">Inbox CRM</Text>
      <Text size={200} className={styles.who} title={user.email}>
        {user.name}
      </Text>
      <NotificationBell inConsole={false} />
      <Tooltip content="Sign out of Inbox CRM" relationship="description">
        <Button size="small" appearance="subtle" onClick={signOut}>
          Sign out
        </Button>
      </Tooltip>
    </header>
  );
}
