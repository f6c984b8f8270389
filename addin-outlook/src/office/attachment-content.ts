import type { AttachmentInput } from '@inbox-crm/shared/client';
import { officeAsync } from './office-async.js';

/** UTF-8 text as base64: an attached message (.eml) or invitation (.ics) comes as text. */
function textAsBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The attachment's content as the server takes it; null when Outlook gives a link (a cloud file) or nothing. */
async function contentOf(
  item: Office.MessageRead | Office.LoadedMessageRead,
  id: string,
): Promise<string | null> {
  try {
    const { format, content } = await officeAsync<Office.AttachmentContent>((done) =>
      item.getAttachmentContentAsync(id, done),
    );
    // Office types the format as its enum or a string; its values are these strings.
    const kind = String(format);
    if (kind === 'base64') return content;
    if (kind === 'eml' || kind === 'iCalendar') return textAsBase64(content);
    return null;
  } catch {
    // Outlook refuses some (an item attached by drag and drop on the web): kept by name only.
    return null;
  }
}

/**
 * An inline image's Content-ID: Outlook on the web and the new Outlook name it; elsewhere it is the
 * body's `cid:` reference that starts with the file's name (Outlook writes "image001.png@01DA…").
 */
function contentIdOf(attachment: Office.AttachmentDetails, bodyHtml: string): string | null {
  if (attachment.contentId) return attachment.contentId.replace(/^<|>$/g, '');
  if (!attachment.isInline) return null;
  const reference = new RegExp(
    `cid:(${attachment.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}@[^"'\\s>]+)`,
    'i',
  );
  return reference.exec(bodyHtml)?.[1] ?? null;
}

/**
 * The message's attachments, inline images included, each with its content where this Outlook
 * hands it over (Mailbox 1.8); on older hosts their names, types and sizes only.
 */
export async function attachmentsOf(
  item: Office.MessageRead | Office.LoadedMessageRead,
  bodyHtml: string,
): Promise<AttachmentInput[]> {
  const canRead = typeof item.getAttachmentContentAsync === 'function';
  const files: AttachmentInput[] = [];
  for (const attachment of item.attachments) {
    const content = canRead ? await contentOf(item, attachment.id) : null;
    files.push({
      name: attachment.name,
      contentType: attachment.contentType || 'application/octet-stream',
      size: attachment.size,
      inline: attachment.isInline,
      contentId: contentIdOf(attachment, bodyHtml),
      ...(content === null ? {} : { content }),
    });
  }
  return files;
}
