import { Badge, makeStyles, SearchBox, Spinner, Text, tokens } from '@fluentui/react-components';
import { consoleRecordPath, RECORD_TYPE_NAMES } from '@inbox-crm/shared/client';
import { useEffect, useState } from 'react';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { ConsoleLink } from './console-link.js';
import { CONSOLE_PATHS } from './console-route.js';

const SEARCH_DELAY_MS = 250;

const useStyles = makeStyles({
  hit: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
});

/** Search every account, contact, opportunity and case; the query stays in the address bar. */
export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const styles = useStyles();
  const lists = useListStyles();
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
    query === '' ? Promise.resolve(null) : api.search(query),
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
      {state.status === 'loading' && <Spinner label="Searching…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={results.reload} />}
      {state.status === 'done' && state.data !== null && state.data.items.length === 0 && (
        <Text role="status">Nothing matches “{query}”.</Text>
      )}
      {state.status === 'done' && state.data !== null && state.data.items.length > 0 && (
        <ul className={lists.list} aria-label="Search results">
          {state.data.items.map((hit) => (
            <li key={`${hit.type}:${hit.id}`} className={styles.hit}>
              <Badge appearance="outline">{RECORD_TYPE_NAMES[hit.type]}</Badge>
              <ConsoleLink to={consoleRecordPath(hit)}>{hit.name}</ConsoleLink>
              {hit.detail && <Text className={lists.meta}>{hit.detail}</Text>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
