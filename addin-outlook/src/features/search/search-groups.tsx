import { makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  consoleRecordPath,
  LIST_TITLES,
  type ListCount,
  type RecordType,
  type SearchGroups,
} from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS, RECORD_TYPE_OF_LIST } from '../console/console-route.js';
import { searchOf } from '../lists/list-params.js';
import { HIT_LINES, hitName, type HitOf, type SearchedList } from './search-hit-line.js';

const GROUP_ORDER: readonly SearchedList[] = ['accounts', 'contacts', 'opportunities', 'cases'];

const useStyles = makeStyles({
  groups: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** "12", or "more than 10,000" past the count's cap. */
const countWords = (total: ListCount) =>
  `${total.capped ? 'more than ' : ''}${total.value.toLocaleString('en')}`;

/** "Show all 12 accounts", or "Show all contacts" when there are more than the count's cap. */
function showAllText(list: SearchedList, total: ListCount): string {
  const noun = LIST_TITLES[list].plural.toLowerCase();
  return total.capped ? `Show all ${noun}` : `Show all ${total.value.toLocaleString('en')} ${noun}`;
}

function SearchGroup<L extends SearchedList>({
  list,
  query,
  group,
}: {
  list: L;
  query: string;
  group: { items: HitOf<L>[]; total: ListCount };
}) {
  const styles = useStyles();
  const lists = useListStyles();
  const title = LIST_TITLES[list].plural;
  const type: RecordType = RECORD_TYPE_OF_LIST[list];
  const line = HIT_LINES[list] as (hit: HitOf<L>) => string;
  const headingId = `search-group-${list}`;
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={400} weight="semibold">
        {title} ({countWords(group.total)})
      </Text>
      <ul className={lists.list} aria-label={title}>
        {group.items.map((hit) => (
          <li key={hit.id} className={lists.entry}>
            <ConsoleLink to={consoleRecordPath({ type, id: hit.id })}>{hitName(list, hit)}</ConsoleLink>
            {line(hit) !== '' && <Text className={lists.meta}>{line(hit)}</Text>}
          </li>
        ))}
      </ul>
      {(group.total.capped || group.total.value > group.items.length) && (
        <ConsoleLink to={CONSOLE_PATHS.list(list, searchOf({ q: query }))}>
          {showAllText(list, group.total)}
        </ConsoleLink>
      )}
    </section>
  );
}

/** The matches of a search, a group per record type that has any, each with its count and a way to all of them. */
export function SearchGroupList({ query, groups }: { query: string; groups: SearchGroups }) {
  const styles = useStyles();
  const found = GROUP_ORDER.filter((list) => groups[list].total.value > 0);
  return (
    <ul className={styles.groups} aria-label="Search results">
      {found.map((list) => (
        <li key={list}>
          <SearchGroup
            list={list}
            query={query}
            group={groups[list] as { items: HitOf<typeof list>[]; total: ListCount }}
          />
        </li>
      ))}
    </ul>
  );
}

/** Whether a search found nothing at all. */
export const foundNothing = (groups: SearchGroups) =>
  GROUP_ORDER.every((list) => groups[list].total.value === 0);
