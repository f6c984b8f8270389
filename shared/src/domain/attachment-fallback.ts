import type { AttachmentInput, EmailFile } from '../schemas/emails.js';

/** The refusals that name a file whose content cannot be kept (the email itself can be). */
const CONTENT_REFUSALS = new Set(['attachment_too_large', 'attachment_storage_full']);

interface Refusal {
  code: string;
  details?: unknown[] | undefined;
}

/**
 * The file whose content the refusal names; for a request too large as a whole, the largest file
 * still sent with its content.
 */
function refusedFile(error: unknown, attachments: readonly AttachmentInput[]): number {
  const refusal = error as Partial<Refusal> | null;
  const carried = (file: AttachmentInput) => file.content !== undefined;
  if (refusal?.code === 'payload_too_large') {
    return attachments.reduce<number>(
      (best, file, index) =>
        carried(file) && (best < 0 || file.content!.length > attachments[best]!.content!.length)
          ? index
          : best,
      -1,
    );
  }
  if (!refusal || typeof refusal.code !== 'string' || !CONTENT_REFUSALS.has(refusal.code)) return -1;
  const name = (refusal.details?.[0] as { name?: unknown } | undefined)?.name;
  return attachments.findIndex((file) => carried(file) && file.name.trim() === name);
}

const withoutContent = (attachment: AttachmentInput): AttachmentInput => {
  const meta = { ...attachment };
  delete meta.content;
  return meta;
};

/**
 * Files the email, and when the server will not keep a file's content (too large, no room left, or
 * the request too large as a whole) files it again with that file kept by name only, until it goes
 * in. Answers what was filed and the files kept by name only, so the add-in can say so.
 */
export async function fileKeepingWhatFits<T>(
  email: EmailFile,
  send: (email: EmailFile) => Promise<T>,
): Promise<{ filed: T; namesOnly: string[] }> {
  const namesOnly: string[] = [];
  let attempt = email;
  for (;;) {
    try {
      return { filed: await send(attempt), namesOnly };
    } catch (error) {
      const attachments = attempt.attachments ?? [];
      const index = refusedFile(error, attachments);
      if (index < 0) throw error;
      namesOnly.push(attachments[index]!.name);
      attempt = {
        ...attempt,
        attachments: attachments.map((file, at) => (at === index ? withoutContent(file) : file)),
      };
    }
  }
}
