import { Button, Spinner } from '@fluentui/react-components';
import { ProblemMessage } from './problem-message.js';
import type { PagedList } from './use-paged-list.js';

/** "Show older" under a paged list, and what went wrong when the next page did not come. */
export function LoadMore({ list }: { list: PagedList<unknown> }) {
  return (
    <>
      {list.moreFailure && <ProblemMessage error={list.moreFailure} onRetry={() => void list.loadMore()} />}
      {list.hasMore && (
        <Button onClick={() => void list.loadMore()} disabled={list.loadingMore}>
          {list.loadingMore ? <Spinner size="tiny" label="Loading…" /> : 'Show older'}
        </Button>
      )}
    </>
  );
}
