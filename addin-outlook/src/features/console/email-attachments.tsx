import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ApiError, Email, EmailAttachment } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { saveFile } from '../../ui/save-file.js';
import { referencedContentIds } from './inline-images.js';
import { useServices } from '../../ui/services.js';
import { asApiError } from '../../ui/use-request.js';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  file: {
    display: 'flex',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    minWidth: 0,
  },
  // A file's name reads as text that downloads: left-aligned, wrapping, the size of the page's text.
  download: {
    minWidth: 0,
    height: 'auto',
    padding: 0,
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorBrandForegroundLink,
  },
  nameOnly: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  name: { overflowWrap: 'anywhere', minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** A size as people read it: 812 bytes, 48 KB, 1.2 MB. */
export function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The files people attached: all but the inline images the body shows (those are in the body). */
export function listedAttachments(email: Email): EmailAttachment[] {
  const shown = email.bodyHtml ? referencedContentIds(email.bodyHtml) : new Set<string>();
  return email.attachments.filter(
    (file) => !file.inline || file.contentId === null || !shown.has(file.contentId.toLowerCase()),
  );
}

/**
 * The email's attachments: each kept one downloads under its own name (never opened on our page);
 * those whose content the filing client could not read are named, and say so.
 */
export function EmailAttachments({ email }: { email: Email }) {
  const styles = useStyles();
  const { api } = useServices();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const files = listedAttachments(email);
  if (files.length === 0) return null;

  async function download(file: EmailAttachment) {
    setFailure(null);
    setBusy(file.position);
    try {
      // Saved as opaque bytes: a page that ignored `download` and opened it would not render it.
      const bytes = await api.downloadAttachment(email.id, file.position);
      saveFile(new Blob([bytes], { type: 'application/octet-stream' }), file.name);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <ul className={styles.list} aria-label="Attachments">
        {files.map((file) => (
          <li key={file.position} className={styles.file}>
            {file.stored ? (
              <Button
                appearance="transparent"
                className={styles.download}
                icon={<ArrowDownloadRegular />}
                disabled={busy === file.position}
                aria-label={`Download ${file.name}`}
                onClick={() => void download(file)}
              >
                <span className={styles.name}>{file.name}</span>
              </Button>
            ) : (
              <span className={styles.nameOnly}>
                <DocumentRegular aria-hidden fontSize={20} />
                <Text className={styles.name}>{file.name}</Text>
              </span>
            )}
            <Text size={200} className={styles.detail}>
              {readableSize(file.size)}
              {file.stored ? '' : ' · name only, the file was not kept'}
            </Text>
          </li>
        ))}
      </ul>
      {failure && <ProblemMessage error={failure} />}
    </>
  );
}
