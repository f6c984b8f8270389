import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '@inbox-crm/shared/client';
import { afterFirstContent } from '../../ui/first-content.js';

const POLL_MS = 60_000;

/** What the bell counts: notifications not yet read, and the user's own open tasks past due. */
export interface BellCounts {
  unread: number;
  overdueTasks: number;
}

/** The user's open tasks past their due time, counted by the tasks list's own overdue rule. */
async function overdueTaskCount(api: ApiClient): Promise<number> {
  const page = await api.list('tasks', { assignee: 'me', overdue: true, limit: 1 });
  return page.total.value;
}

/**
 * The bell's counts: asked once the page's first content is shown, every minute, and whenever the
 * window comes back into focus.
 * A failed ask keeps the last count rather than showing an error.
 */
export function useBellCounts(api: ApiClient): [BellCounts, () => void] {
  const [counts, setCounts] = useState<BellCounts>({ unread: 0, overdueTasks: 0 });
  const refresh = useCallback(() => {
    Promise.all([api.unreadCount(), overdueTaskCount(api)]).then(
      ([unread, overdueTasks]) => setCounts({ unread, overdueTasks }),
      () => undefined,
    );
  }, [api]);
  useEffect(() => {
    let mounted = true;
    void afterFirstContent().then(() => mounted && refresh());
    const timer = setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      mounted = false;
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refresh]);
  return [counts, refresh];
}

/** "3 overdue tasks", or null when none is. */
export const overdueTasksText = (count: number) =>
  count === 0 ? null : `${count} overdue ${count === 1 ? 'task' : 'tasks'}`;
