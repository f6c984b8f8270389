import { useEffect, useState } from 'react';
import type { Mailbox, OpenItem } from '../../office/open-message.js';
import { useRequest } from '../../ui/use-request.js';
import { takeFirstItem } from './pane-start.js';

/** Whether the item is being written (a draft, or a meeting the user organises): its people can change. */
const isBeingWritten = (item: OpenItem | null | undefined) =>
  (item?.kind === 'message' && item.message.mode === 'compose') ||
  (item?.kind === 'meeting' && item.meeting.mode === 'organizer');

/**
 * The open item's headers, read again whenever the user moves to another item (or changes a
 * multi-selection) in a pinned pane, or changes a draft's or a meeting's people. While the next item
 * is read the state is "loading", never the previous item.
 */
export function useOpenItem(mailbox: Mailbox) {
  const [generation, setGeneration] = useState(0);
  useEffect(() => mailbox.onItemChanged(() => setGeneration((value) => value + 1)), [mailbox]);
  const request = useRequest(`item-${generation}`, () => takeFirstItem(mailbox) ?? mailbox.openItem());

  const changing = request.state.status === 'done' && isBeingWritten(request.state.data);
  useEffect(() => {
    if (!changing) return undefined;
    return mailbox.onRecipientsChanged(() => setGeneration((value) => value + 1));
  }, [mailbox, changing, generation]);
  return request;
}
