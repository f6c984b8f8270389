import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  type Email,
  type MessageFiling,
  type SenderView,
  choiceKey,
  fileKeepingWhatFits,
  preselectedKeys,
  suggestedChoices,
} from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';
import { FormActions } from '../../ui/form-actions.js';
import { usePanelStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useMailbox, useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { PrivateChoice } from '../records/private-choice.js';
import { RecordChecklist } from '../records/record-checklist.js';
import { useRecordChoices } from '../records/use-record-choices.js';
import { emailFileFor } from './email-file.js';

interface Props {
  message: OpenMessage;
  view: SenderView;
  others: SenderView[];
  filing: MessageFiling | null;
  /** Told with the email as filed, and the files kept by name only (too large to keep). */
  onFiled: (email: Email, namesOnly: string[]) => void;
  onCancel: () => void;
}

/** Pick the records to file to: the person's own ticked already, the others' offered, anything else a search away. */
export function FilePicker({ message, view, others, filing, onFiled, onCancel }: Props) {
  const styles = usePanelStyles();
  const { api } = useServices();
  const mailbox = useMailbox();
  const suggested = useMemo(() => suggestedChoices(view, filing, { others }), [view, filing, others]);
  const linked = useMemo(() => new Set((filing?.links ?? []).map(choiceKey)), [filing]);
  const records = useRecordChoices(suggested, preselectedKeys(view, filing));
  const { busy, failure, submit } = useSubmission();
  const [privately, setPrivately] = useState(false);
  const count = records.selectedRefs.length;

  const file = () =>
    submit(async () => {
      const content = await mailbox.readFilingContent();
      const { filed, namesOnly } = await fileKeepingWhatFits(
        { ...emailFileFor(message, content, records.selectedRefs), private: privately },
        (email) => api.fileEmail(email),
      );
      onFiled(filed.email, namesOnly);
    });

  return (
    <div className={styles.panel} role="group" aria-label="File this email">
      <Text weight="semibold">File this email to</Text>
      {message.attachmentCount > 0 && !mailbox.readsAttachmentContent && (
        <MessageBar intent="info">
          <MessageBarBody>
            This version of Outlook gives add-ins the names of attachments, not the files: only their names
            are kept. File from Outlook on the web or a newer Outlook to keep the files.
          </MessageBarBody>
        </MessageBar>
      )}
      {view.neverFile && (
        <MessageBar intent="warning">
          <MessageBarBody>Your organisation never files mail with {view.neverFile}.</MessageBarBody>
        </MessageBar>
      )}
      <RecordChecklist label="Records" state={records} locked={linked} disabled={busy} />
      {!filing?.filed && <PrivateChoice checked={privately} disabled={busy} onChange={setPrivately} />}
      {failure && <ProblemMessage error={failure} />}
      <FormActions
        label={`File to ${count} ${count === 1 ? 'record' : 'records'}`}
        busyLabel="Filing…"
        busy={busy}
        disabled={count === 0 || view.neverFile !== null}
        onClick={() => void file()}
        onCancel={onCancel}
      />
    </div>
  );
}
