import { Button, Spinner } from '@fluentui/react-components';
import { ProblemMessage } from './problem-message.js';
import type { PagedList } from './use-paged-list.js';

/** "Show older" (or `label`) under a paged list, and what went wrong when the next page did not come. */
export function LoadMore({ list, label = 'Show older' }: { list: PagedList<unknown>; label?: string }) {
  return (
    <>
      {list.moreFailure && <ProblemMessage error={list.moreFailure} onRetry={() => void list.loadMore()} />}
      {list.hasMore && (
        <Button onClick={() => void list.loadMore()} disabled={list.loadingMore}>
          {list.loadingMore ? <Spinner size="tiny" label="Loading…" /> : label}
        </Button>
      )}
    </>
  );
}
