import { Spinner, Text } from '@fluentui/react-components';
import {
  RANKED_MATCHES_CAP,
  type ActivityHit,
  type ActivitySearchQuery,
  type ActivitySearchResult,
} from '@inbox-crm/shared/client';
import { EntryList } from '../../ui/entry-list.js';
import { LoadMore } from '../../ui/load-more.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { usePagedList } from '../../ui/use-paged-list.js';
import { activityHitEntry, useHitStyles, type HitLinks } from './activity-hit.js';

export type CorrespondenceQuery = Omit<ActivitySearchQuery, 'cursor' | 'counts'>;

/** "12 matches", or past the cap what the order means. */
const CAP = RANKED_MATCHES_CAP.toLocaleString('en');

function totalLine(page: ActivitySearchResult): string {
  const { total, sort } = page;
  if (!total.capped) return `${total.value.toLocaleString('en')} ${total.value === 1 ? 'match' : 'matches'}`;
  return sort === 'relevance'
    ? `More than ${CAP} matches: the best of the newest ${CAP} come first. Add a word, or sort by date to go further back.`
    : `More than ${CAP} matches, newest first.`;
}

/**
 * The correspondence a query finds, a page at a time, each hit with its words marked; `onCounts`
 * hears the first page's counts of each kind (for the kind filter's labels).
 */
export function CorrespondenceResults({
  query,
  links,
  onFirstPage,
}: {
  query: CorrespondenceQuery;
  links: HitLinks;
  onFirstPage?: (page: ActivitySearchResult | null) => void;
}) {
  const { api } = useServices();
  const styles = useHitStyles();
  const list = usePagedList<ActivityHit>(JSON.stringify(query), async (cursor) => {
    if (!cursor) onFirstPage?.(null);
    const page = await api.searchActivities({ ...query, ...(cursor ? { cursor } : { counts: true }) });
    if (!cursor) onFirstPage?.(page);
    return page;
  });
  const state = list.state;
  const first = state.status === 'done' ? (state.data as ActivitySearchResult) : null;
  return (
    <>
      {state.status === 'loading' && <Spinner label="Searching the correspondence…" />}
      {state.status === 'failed' && state.error.code === 'validation_failed' && (
        // A query with nothing to look for: a hint, not a failure to try again.
        <Text role="status">{state.error.message}</Text>
      )}
      {state.status === 'failed' && state.error.code !== 'validation_failed' && (
        <ProblemMessage error={state.error} onRetry={list.reload} />
      )}
      {first && list.items.length === 0 && (
        <Text role="status">
          {query.since && query.until && query.since >= query.until
            ? 'No correspondence matches: the first date is after the second.'
            : 'No correspondence matches. Every word must appear (accents and case do not matter); try fewer words, or remove a filter.'}
        </Text>
      )}
      {first && list.items.length > 0 && (
        <Text role="status" size={200}>
          {totalLine(first)}
        </Text>
      )}
      <EntryList
        label="Correspondence found"
        entries={list.items.map((hit) => activityHitEntry(hit, links, styles))}
      />
      <LoadMore list={list} label="Show more" />
    </>
  );
}
