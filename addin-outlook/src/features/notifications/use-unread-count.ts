import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '@inbox-crm/shared/client';

const POLL_MS = 60_000;

/**
 * How many notifications the user has not read: asked at start, every minute, and whenever the
 * window comes back into focus. A failed ask keeps the last count rather than showing an error.
 */
export function useUnreadCount(api: ApiClient): [number, () => void] {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(() => {
    api.unreadCount().then(setUnread, () => undefined);
  }, [api]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refresh]);
  return [unread, refresh];
}
