import { Link, makeStyles, Spinner } from '@fluentui/react-components';
import type { MailboxConnection } from '../../office/office-mailbox.js';
import { REQUIRED_MAILBOX_SET } from '../../office/office-mailbox.js';
import { usePaneBodyStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState } from '../../ui/section.js';
import { useFirstContentShown } from '../../ui/first-content.js';
import { useMailbox } from '../../ui/services.js';
import { MeetingPanel } from '../meetings/meeting-panel.js';
import { SelectionPanel } from '../selection/selection-panel.js';
import { MessagePanel } from './message-panel.js';
import { PaneHeader } from './pane-header.js';
import { useOpenItem } from './use-open-item.js';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

/** The task pane: who the open message or meeting is with, beside it in Outlook; or filing several messages at once. */
export function TaskPane({ connection }: { connection: MailboxConnection }) {
  const styles = useStyles();
  useFirstContentShown(connection.kind !== 'connected');
  return (
    <div className={styles.pane}>
      <PaneHeader />
      {connection.kind === 'no-host' && (
        <EmptyState title="Open Inbox CRM from Outlook">
          This page is the Outlook task pane. In a browser, use the{' '}
          <Link href="/app/">Inbox CRM console</Link>.
        </EmptyState>
      )}
      {connection.kind === 'unsupported' && (
        <EmptyState title="This Outlook is too old for Inbox CRM">
          The pane needs Outlook with Mailbox {REQUIRED_MAILBOX_SET} or newer (pinning and moving between
          messages). Update Outlook or use Outlook on the web.
        </EmptyState>
      )}
      {connection.kind === 'connected' && <OpenItemView />}
    </div>
  );
}

function OpenItemView() {
  const pane = usePaneBodyStyles();
  const mailbox = useMailbox();
  const { state, reload } = useOpenItem(mailbox);
  // A message is shown when its sender view is in (MessagePanel says so); anything else, now.
  useFirstContentShown(
    state.status === 'failed' || (state.status === 'done' && state.data?.kind !== 'message'),
  );
  if (state.status === 'loading') return <Spinner className={pane.body} label="Reading the message…" />;
  if (state.status === 'failed') {
    return (
      <div className={pane.body}>
        <ProblemMessage error={state.error} onRetry={reload} />
      </div>
    );
  }
  const item = state.data;
  if (!item) {
    return <EmptyState title="No message selected">Select a message to see who it is from.</EmptyState>;
  }
  // Keyed by the item: moving to another one starts from nothing, never from the last record.
  if (item.kind === 'meeting') return <MeetingPanel key={item.meeting.itemKey} meeting={item.meeting} />;
  if (item.kind === 'selection') {
    return (
      <SelectionPanel
        key={item.messages.map((message) => message.itemId).join(' ')}
        messages={item.messages}
      />
    );
  }
  return <MessagePanel key={item.message.itemKey} message={item.message} />;
}
