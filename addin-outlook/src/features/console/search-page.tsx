import { SearchBox, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { foundNothing, SearchGroupList } from '../search/search-groups.js';
import { CONSOLE_PATHS } from './console-route.js';

const SEARCH_DELAY_MS = 250;

/** Search every account, contact, opportunity and case, grouped by type; the query stays in the address bar. */
export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const { api } = useServices();
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

  const results = useRequest(`search:${query}`, () =>
    query === '' ? Promise.resolve(null) : api.searchGroups(query),
  );
  const state = results.state;

  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Search
      </Text>
      <SearchBox
        aria-label="Search accounts, contacts, opportunities and cases"
        placeholder="A name, an address, a domain, a deal…"
        value={typed}
        onChange={(_, data) => setTyped(data.value)}
        autoFocus
      />
      {query === '' && (
        <EmptyState title="Find any account, contact, opportunity or case">
          Type the start of a name, an email address or a domain: “acme” finds Acme Corp and everyone at
          acme.com. One letter is enough to see the names that start with it.
        </EmptyState>
      )}
      {state.status === 'loading' && <Spinner label="Searching…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={results.reload} />}
      {state.status === 'done' && state.data !== null && foundNothing(state.data) && (
        <EmptyState title={`Nothing matches “${query}”`}>
          Words are found from their start: try fewer letters, check the spelling, or search by the email
          address or the company’s domain instead.
        </EmptyState>
      )}
      {state.status === 'done' && state.data !== null && !foundNothing(state.data) && (
        <SearchGroupList query={query} groups={state.data} />
      )}
    </>
  );
}
