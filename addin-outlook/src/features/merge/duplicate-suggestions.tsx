import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import {
  consoleRecordPath,
  DUPLICATE_REASON_NAMES,
  type Account,
  type Contact,
  type MergeableType,
} from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { ConsoleLink } from '../console/console-link.js';
import type { MergeRecords } from './merge-fields.js';

const useStyles = makeStyles({
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
});

/** How a suggested record is told apart at a glance: its addresses or domains. */
const detailOf = (record: Contact | Account) =>
  'emails' in record ? record.emails.join(', ') : record.domains.join(', ');

/**
 * Records that may be this one entered twice, each with why and a Merge button; nothing at all
 * when there are none (a record page is not the place to say "no duplicates").
 */
export function DuplicateSuggestions<T extends MergeableType>(props: {
  type: T;
  record: MergeRecords[T];
  onMerge: (otherId: string) => void;
}) {
  const styles = useStyles();
  const lists = useListStyles();
  const { api } = useServices();
  const { type, record } = props;
  const suggestions = useRequest(`duplicates:${record.id}:${record.version}`, () =>
    api.duplicates(type, record.id),
  );
  if (suggestions.state.status !== 'done' || suggestions.state.data.items.length === 0) return null;
  return (
    <Section title="Possible duplicates">
      <ul className={lists.list}>
        {suggestions.state.data.items.map(({ record: other, reasons }) => (
          <li key={other.id} className={styles.item}>
            <div className={mergeClasses(lists.entry, styles.grow)}>
              <ConsoleLink to={consoleRecordPath({ type, id: other.id })}>{other.name}</ConsoleLink>
              {detailOf(other) && <Text size={200}>{detailOf(other)}</Text>}
              <Text size={200} className={lists.meta}>
                {reasons.map((reason) => DUPLICATE_REASON_NAMES[reason]).join(' · ')}
              </Text>
            </div>
            <Button onClick={() => props.onMerge(other.id)} aria-label={`Merge with ${other.name}`}>
              Merge…
            </Button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
