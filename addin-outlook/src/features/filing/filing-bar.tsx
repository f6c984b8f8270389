import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import {
  consoleRecordPath,
  RECORD_TYPE_NAMES,
  type ApiError,
  type Email,
  type MessageFiling,
  type NamedRecordRef,
  type SenderView,
} from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';
import { formatMoment } from '../../ui/format.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { asApiError } from '../../ui/use-request.js';
import { FilePicker } from './file-picker.js';
import { AutoFiled, ThreadOffer } from './thread-offer.js';
import { useThreadFiling } from './use-thread-filing.js';
import { filingFromEmail } from './filing-state.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  links: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  link: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  linkName: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  linkType: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  message: OpenMessage;
  view: SenderView;
  /** Everyone else on the message: filing offers their contacts and accounts too. */
  others: SenderView[];
  filing: MessageFiling | null;
  onFilingChanged: (filing: MessageFiling) => void;
}

/** Whether this message is filed, to what and by whom; File and unfile. */
export function FilingBar({ message, view, others, filing, onFilingChanged }: Props) {
  const styles = useStyles();
  const { api } = useServices();
  const [picking, setPicking] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [namesOnly, setNamesOnly] = useState<string[]>([]);
  const filed = filing?.filed === true;
  const filedNow = (email: Email, keptByName: string[]) => {
    setPicking(false);
    setNamesOnly(keptByName);
    onFilingChanged(filingFromEmail(email, filing));
  };
  const thread = useThreadFiling({
    message,
    filing,
    onFiled: filedNow,
    onUndone: () =>
      filing && onFilingChanged({ ...filing, filed: false, emailId: null, links: [], autoFile: false }),
  });

  async function unfile(link: NamedRecordRef) {
    if (!filing?.emailId) return;
    setFailure(null);
    try {
      onFilingChanged(filingFromEmail(await api.unfileEmail(filing.emailId, link), filing));
    } catch (error) {
      setFailure(asApiError(error));
    }
  }

  return (
    <div className={styles.bar}>
      {filed ? (
        <MessageBar intent="success" layout="multiline" aria-live="polite">
          <MessageBarBody>
            <MessageBarTitle>Filed</MessageBarTitle>
            {filing.filedBy ? `by ${filing.filedBy.name}` : ''}
            {filing.filedAt ? ` on ${formatMoment(filing.filedAt)}` : ''}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text role="status">{thread.busy ? 'Filing with its thread…' : 'This email is not filed yet.'}</Text>
      )}
      {thread.autoFiled && filed && <AutoFiled busy={thread.busy} onUndo={() => void thread.undo()} />}
      {!filed && filing && filing.suggestedLinks.length > 0 && !picking && (
        <ThreadOffer filing={filing} busy={thread.busy} onFile={() => void thread.fileWithThread()} />
      )}
      {thread.failure && <ProblemMessage error={thread.failure} />}
      {filed && (
        <ul className={styles.links} aria-label="Filed to">
          {filing.links.map((link) => (
            <li key={`${link.type}:${link.id}`} className={styles.link}>
              <Link href={consoleRecordPath(link)} target="_blank" className={styles.linkName}>
                {link.name}
              </Link>
              <Text size={200} className={styles.linkType}>
                {RECORD_TYPE_NAMES[link.type]}
              </Text>
              <Button
                size="small"
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={`Unfile from ${link.name}`}
                title={`Unfile from ${link.name}`}
                onClick={() => void unfile(link)}
              />
            </li>
          ))}
        </ul>
      )}
      {namesOnly.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>Kept by name only, too large to keep: {namesOnly.join(', ')}.</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ProblemMessage error={failure} />}
      {picking ? (
        <FilePicker
          message={message}
          view={view}
          others={others}
          filing={filing}
          onCancel={() => setPicking(false)}
          onFiled={filedNow}
        />
      ) : (
        <Button
          appearance={filed || (filing?.suggestedLinks.length ?? 0) > 0 ? 'secondary' : 'primary'}
          onClick={() => setPicking(true)}
        >
          {filed ? 'File to more records' : 'File email'}
        </Button>
      )}
    </div>
  );
}
