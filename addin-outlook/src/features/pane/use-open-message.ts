import { useEffect, useState } from 'react';
import type { Mailbox } from '../../office/open-message.js';
import { useRequest } from '../../ui/use-request.js';

/**
 * The open message's headers, read again whenever the user moves to another item in a pinned pane
 * or changes a draft's recipients. While the next item is read the state is "loading", never the
 * previous item.
 */
export function useOpenMessage(mailbox: Mailbox) {
  const [generation, setGeneration] = useState(0);
  useEffect(() => mailbox.onItemChanged(() => setGeneration((value) => value + 1)), [mailbox]);
  const request = useRequest(`item-${generation}`, () => mailbox.openMessage());

  const isDraft = request.state.status === 'done' && request.state.data?.mode === 'compose';
  useEffect(() => {
    if (!isDraft) return undefined;
    return mailbox.onRecipientsChanged(() => setGeneration((value) => value + 1));
  }, [mailbox, isDraft, generation]);
  return request;
}
