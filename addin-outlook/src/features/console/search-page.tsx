import { Button, makeStyles, SearchBox, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ActivitySearchResult } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState } from '../../ui/section.js';
import { useNarrow } from '../../ui/use-narrow.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { CONSOLE_HIT_LINKS } from '../correspondence-search/console-hit-links.js';
import {
  CorrespondenceFilters,
  filterQuery,
  NO_FILTERS,
  type CorrespondenceFilterValues,
} from '../correspondence-search/correspondence-filters.js';
import { CorrespondenceResults } from '../correspondence-search/correspondence-results.js';
import { foundNothing, SearchGroupList } from '../search/search-groups.js';
import { CONSOLE_PATHS } from './console-route.js';

const SEARCH_DELAY_MS = 250;
/** The record search's limit, the shorter of the two searches'. */
const MAX_QUERY_LENGTH = 200;

const useStyles = makeStyles({
  correspondence: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  toggle: { alignSelf: 'flex-start' },
});

/** The records a query names, grouped by type with counts. */
function RecordMatches({ query }: { query: string }) {
  const { api } = useServices();
  const results = useRequest(`search:${query}`, () => api.searchGroups(query));
  const state = results.state;
  if (state.status === 'loading') return <Spinner label="Searching the records…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={results.reload} />;
  if (foundNothing(state.data))
    return (
      <Text role="status">
        No account, contact, opportunity or case matches “{query}”. Names are found from their start: try
        fewer letters, or an email address or the company’s domain.
      </Text>
    );
  return <SearchGroupList query={query} groups={state.data} />;
}

/** Emails, calls, meetings and notes whose words match, with filters. */
function CorrespondenceMatches({ query }: { query: string }) {
  const styles = useStyles();
  const [filters, setFilters] = useState<CorrespondenceFilterValues>(NO_FILTERS);
  const [firstPage, setFirstPage] = useState<ActivitySearchResult | null>(null);
  const total = firstPage?.total;
  // On a phone the filters wait behind a button, so the first results are on the first screen.
  const narrow = useNarrow();
  const [showFilters, setShowFilters] = useState(false);
  const set = Object.entries(filters).filter(
    ([key, value]) => value !== NO_FILTERS[key as keyof CorrespondenceFilterValues],
  ).length;
  return (
    <section className={styles.correspondence} aria-labelledby="search-correspondence">
      <Text as="h2" id="search-correspondence" size={500} weight="semibold">
        Correspondence
        {total && ` (${total.capped ? 'more than ' : ''}${total.value.toLocaleString('en')})`}
      </Text>
      {narrow && (
        <Button
          className={styles.toggle}
          aria-expanded={showFilters}
          onClick={() => setShowFilters(!showFilters)}
        >
          {showFilters ? 'Hide filters' : set > 0 ? `Filters (${set} set)` : 'Filters'}
        </Button>
      )}
      {(!narrow || showFilters) && (
        <CorrespondenceFilters
          filters={filters}
          counts={firstPage?.counts}
          onChange={(change) => setFilters((previous) => ({ ...previous, ...change }))}
        />
      )}
      <CorrespondenceResults
        query={{ q: query, ...filterQuery(filters) }}
        links={CONSOLE_HIT_LINKS}
        onFirstPage={setFirstPage}
      />
    </section>
  );
}

/**
 * One search box for the records (by name, grouped by type with counts) and the correspondence (by
 * the words of every filed email, call, meeting and note); the query stays in the address bar.
 */
export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const [typed, setTyped] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery.trim());

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(typed.trim());
      window.history.replaceState(
        null,
        '',
        typed.trim() === '' ? CONSOLE_PATHS.search : CONSOLE_PATHS.searchFor(typed.trim()),
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Search
      </Text>
      <SearchBox
        aria-label="Search records and correspondence"
        placeholder="A name, an address, words from an email…"
        value={typed}
        maxLength={MAX_QUERY_LENGTH}
        onChange={(_, data) => setTyped(data.value)}
        autoFocus
      />
      {query === '' ? (
        <EmptyState title="Find any record, and anything said in your correspondence">
          Type the start of a name, an email address or a domain: “acme” finds Acme Corp and everyone at
          acme.com. Words from filed emails, calls, meetings and notes find them too: put a phrase in quotes
          (“liability clause”) and leave a word out with a minus (-draft).
        </EmptyState>
      ) : (
        <>
          <RecordMatches query={query} />
          <CorrespondenceMatches query={query} />
        </>
      )}
    </>
  );
}
