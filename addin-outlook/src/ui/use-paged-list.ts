import { useState } from 'react';
import type { ApiError, PageOf } from '@inbox-crm/shared/client';
import { asApiError, useRequest } from './use-request.js';

/**
 * A list read a page at a time: the first page whenever `key` changes (a new filter), further
 * pages appended on loadMore().
 */
export function usePagedList<T>(key: string, loadPage: (cursor: string | null) => Promise<PageOf<T>>) {
  const [more, setMore] = useState<{ key: string; items: T[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailure, setMoreFailure] = useState<ApiError | null>(null);
  const first = useRequest(key, () => loadPage(null));
  const extra = more?.key === key ? more : null;
  const firstPage = first.state.status === 'done' ? first.state.data : null;
  const nextCursor = extra ? extra.cursor : (firstPage?.nextCursor ?? null);

  async function loadMore() {
    if (nextCursor === null) return;
    setLoadingMore(true);
    setMoreFailure(null);
    try {
      const page = await loadPage(nextCursor);
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (error) {
      setMoreFailure(asApiError(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    state: first.state,
    reload: first.reload,
    items: [...(firstPage?.items ?? []), ...(extra?.items ?? [])],
    hasMore: nextCursor !== null,
    loadMore,
    loadingMore,
    moreFailure,
  };
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
