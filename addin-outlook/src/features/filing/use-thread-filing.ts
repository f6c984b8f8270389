import { useEffect, useRef, useState } from 'react';
import {
  fileKeepingWhatFits,
  type Email,
  type MessageFiling,
  type RecordRef,
} from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';
import { useMailbox, useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { emailFileFor } from './email-file.js';

interface Options {
  message: OpenMessage;
  filing: MessageFiling | null;
  /** Told with the email as filed, and the files kept by name only. */
  onFiled: (email: Email, namesOnly: string[]) => void;
  /** Told when an automatic filing was undone. */
  onUndone: () => void;
}

/**
 * Filing a reply with its thread: one click to the records its thread was filed to, or on its own
 * when the organisation asks for it (`filing.autoFile`, decided by the server), once per message,
 * with an Undo that puts the email in the trash.
 */
export function useThreadFiling({ message, filing, onFiled, onUndone }: Options) {
  const { api } = useServices();
  const mailbox = useMailbox();
  const submission = useSubmission({ reusable: true });
  const [autoFiled, setAutoFiled] = useState<string | null>(null);
  const tried = useRef(false);

  const fileWithThread = (automatic: boolean) =>
    submission.submit(async () => {
      const links: RecordRef[] = (filing?.suggestedLinks ?? []).map(({ type, id }) => ({ type, id }));
      const content = await mailbox.readFilingContent();
      const request = { ...emailFileFor(message, content, links), onlyIfNew: automatic };
      const { filed, namesOnly } = await fileKeepingWhatFits(request, (email) => api.fileEmail(email));
      // Undo puts the email in the trash: only one this filing made.
      if (automatic && filed.created) setAutoFiled(filed.email.id);
      onFiled(filed.email, namesOnly);
    });

  useEffect(() => {
    if (!filing?.autoFile || tried.current) return;
    tried.current = true;
    void fileWithThread(true);
    // Once per opened message (the pane is keyed by it), whatever renders follow.
  }, [filing?.autoFile]);

  const undo = () =>
    submission.submit(async () => {
      if (!autoFiled) return;
      await api.deleteEmail(autoFiled);
      setAutoFiled(null);
      onUndone();
    });

  return { ...submission, autoFiled: autoFiled !== null, fileWithThread: () => fileWithThread(false), undo };
}
