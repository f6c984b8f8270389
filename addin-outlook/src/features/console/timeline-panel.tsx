import {
  Field,
  Input,
  makeStyles,
  SearchBox,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  RECORD_TYPE_NAMES,
  type ActivityType,
  type RecordRef,
  type TimelineEntry,
  type TimelineQuery,
} from '@inbox-crm/shared/client';
import { EntryList } from '../../ui/entry-list.js';
import { LoadMore } from '../../ui/load-more.js';
import { NamedSelect } from '../../ui/named-select.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { usePagedList, type PagedList } from '../../ui/use-paged-list.js';
import { useSettledText } from '../../ui/use-settled-text.js';
import { useRequest } from '../../ui/use-request.js';
import { onLocalDay } from '../../ui/local-days.js';
import { CONSOLE_HIT_LINKS } from '../correspondence-search/console-hit-links.js';
import {
  CorrespondenceResults,
  type CorrespondenceQuery,
} from '../correspondence-search/correspondence-results.js';
import { historyEntry, useHistoryStyles } from '../sender/history-entry.js';
import { ConsoleLink } from './console-link.js';
import { CONSOLE_PATHS } from './console-route.js';

const PAGE_SIZE = 25;
const TYPES: { value: ActivityType; label: string }[] = [
  { value: 'email', label: 'Emails' },
  { value: 'call', label: 'Calls' },
  { value: 'meeting', label: 'Meetings' },
  { value: 'note', label: 'Notes' },
];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

interface Filters {
  type: ActivityType | '';
  ownerId: string;
  from: string;
  to: string;
}

/** The filters as the API takes them; "to" includes its whole day. */
function timelineQuery(filters: Filters): TimelineQuery {
  const since = onLocalDay(filters.from)?.toISOString();
  const until = onLocalDay(filters.to, { days: 1 })?.toISOString();
  return {
    limit: PAGE_SIZE,
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

/** The same filters for a search of the record's correspondence for `q`. */
function searchQuery(q: string, record: RecordRef, filters: Filters): CorrespondenceQuery {
  const { type, ownerId, since, until } = timelineQuery(filters);
  return {
    q,
    recordType: record.type,
    recordId: record.id,
    ...(type ? { kind: type } : {}),
    ...(ownerId ? { filedBy: ownerId } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

/**
 * Everything linked to the record, newest first, narrowed by kind, person and dates; or, with words
 * typed, its correspondence (for an account, its contacts' too) that holds them.
 */
export function TimelinePanel({ record }: { record: RecordRef }) {
  const styles = useStyles();
  const emailLink = (emailId: string, title: string) => (
    <ConsoleLink to={CONSOLE_PATHS.email(emailId)}>{title}</ConsoleLink>
  );
  const { api } = useServices();
  const users = useRequest('users', () => api.users());
  const [filters, setFilters] = useState<Filters>({ type: '', ownerId: '', from: '', to: '' });
  const [typed, setTyped] = useState('');
  const words = useSettledText(typed);
  const query = timelineQuery(filters);
  const list = usePagedList(JSON.stringify(query), (cursor) =>
    api.timeline(record, { ...query, ...(cursor ? { cursor } : {}) }),
  );
  const set = (change: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...change }));

  return (
    <section className={styles.panel} aria-label="Correspondence and activity">
      <Text as="h2" block size={500} weight="semibold">
        Correspondence and activity
      </Text>
      <SearchBox
        aria-label={`Search this ${RECORD_TYPE_NAMES[record.type].toLowerCase()}’s correspondence`}
        placeholder={`Search this ${RECORD_TYPE_NAMES[record.type].toLowerCase()}’s correspondence`}
        value={typed}
        onChange={(_, data) => setTyped(data.value)}
      />
      <div className={styles.filters}>
        <Field label="Kind">
          <Select value={filters.type} onChange={(_, data) => set({ type: data.value as Filters['type'] })}>
            <option value="">Everything</option>
            {TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </Select>
        </Field>
        <NamedSelect
          label="Filed or logged by"
          none="Anyone"
          value={filters.ownerId}
          items={users.state.status === 'done' ? users.state.data.items : []}
          onChange={(ownerId) => set({ ownerId })}
        />
        <Field label="From">
          <Input type="date" value={filters.from} onChange={(_, data) => set({ from: data.value })} />
        </Field>
        <Field label="To">
          <Input type="date" value={filters.to} onChange={(_, data) => set({ to: data.value })} />
        </Field>
      </div>
      {words !== '' ? (
        <CorrespondenceResults query={searchQuery(words, record, filters)} links={CONSOLE_HIT_LINKS} />
      ) : (
        <History list={list} filtered={Object.values(filters).some(Boolean)} emailLink={emailLink} />
      )}
    </section>
  );
}

function History({
  list,
  filtered,
  emailLink,
}: {
  list: PagedList<TimelineEntry>;
  filtered: boolean;
  emailLink: (emailId: string, title: string) => React.ReactNode;
}) {
  const history = useHistoryStyles();
  return (
    <>
      {list.state.status === 'loading' && <Spinner label="Loading the history…" />}
      {list.state.status === 'failed' && <ProblemMessage error={list.state.error} onRetry={list.reload} />}
      {list.state.status === 'done' && list.items.length === 0 && (
        <Text role="status">
          {filtered
            ? 'Nothing matches these filters.'
            : 'No correspondence yet: file an email to this record from Outlook or Gmail, or log a call, meeting or note.'}
        </Text>
      )}
      <EntryList
        ordered
        label="History"
        entries={list.items.map((entry) => historyEntry(entry, emailLink, history.snippet))}
      />
      <LoadMore list={list} />
    </>
  );
}
