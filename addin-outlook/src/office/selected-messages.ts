import { officeAsync } from './office-async.js';
import type { FilingContent, MultiSelect, OpenMessage, SelectedMessage } from './open-message.js';
import { readContent, readHeaders } from './read-message.js';

/** How far this host goes with several selected messages (see MultiSelect). */
export function multiSelectOf(mailbox: Office.Mailbox): MultiSelect {
  const supports = (version: string) => Office.context.requirements.isSetSupported('Mailbox', version);
  if (typeof mailbox.getSelectedItemsAsync !== 'function' || !supports('1.13')) return 'none';
  return typeof mailbox.loadItemByIdAsync === 'function' && supports('1.15') ? 'read' : 'list';
}

/** The messages selected together; one or none when the user has not selected several. */
export async function selectedMessages(mailbox: Office.Mailbox): Promise<SelectedMessage[]> {
  const items = await officeAsync<Office.SelectedItemDetails[]>((done) =>
    mailbox.getSelectedItemsAsync(done),
  );
  return items
    .filter((item) => String(item.itemType) === 'message')
    .map((item) => ({ itemId: item.itemId, subject: item.subject }));
}

/**
 * One selected message read for filing. Outlook holds one loaded item at a time: it is unloaded
 * before the next is read, whatever happened while reading it.
 */
export async function readSelectedMessage(
  mailbox: Office.Mailbox,
  itemId: string,
): Promise<{ message: OpenMessage; content: FilingContent }> {
  const item = await officeAsync<Office.LoadedMessageCompose | Office.LoadedMessageRead>((done) =>
    mailbox.loadItemByIdAsync(itemId, done),
  );
  try {
    if (typeof item.subject !== 'string') throw new Error('A draft cannot be filed.');
    const read = item as Office.LoadedMessageRead;
    const [message, content] = await Promise.all([readHeaders(read), readContent(read)]);
    return { message, content };
  } finally {
    await officeAsync<void>((done) => item.unloadAsync(done)).catch(() => undefined);
  }
}
