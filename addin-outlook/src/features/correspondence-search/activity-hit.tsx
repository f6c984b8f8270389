import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ACTIVITY_TYPE_NAMES, type ActivityHit, type NamedRecordRef } from '@inbox-crm/shared/client';
import type { ListEntry } from '../../ui/entry-list.js';
import { formatMoment, metaLine } from '../../ui/format.js';
import { Highlighted } from './highlighted-text.js';

export const useHitStyles = makeStyles({
  snippet: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  records: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
});

/** How a hit links out: an email to its reader, a record to its page. */
export interface HitLinks {
  email(id: string, title: ReactNode): ReactNode;
  record(record: NamedRecordRef): ReactNode;
}

const noSubject = (hit: ActivityHit) =>
  hit.type === 'email' ? '(no subject)' : ACTIVITY_TYPE_NAMES[hit.type];

/** One search hit as a list entry: its subject (marked), what, when and who, the snippet, and its records. */
export function activityHitEntry(
  hit: ActivityHit,
  links: HitLinks,
  styles: ReturnType<typeof useHitStyles>,
): ListEntry {
  const subject = hit.subject.text === '' ? noSubject(hit) : <Highlighted value={hit.subject} />;
  const who = hit.type === 'email' ? (hit.from?.name ?? hit.from?.email) : hit.owner?.name;
  return {
    key: hit.id,
    title: hit.type === 'email' ? links.email(hit.id, subject) : <Text weight="semibold">{subject}</Text>,
    meta: metaLine(
      ACTIVITY_TYPE_NAMES[hit.type],
      formatMoment(hit.occurredAt),
      who,
      hit.attachments.length > 0 &&
        `${hit.attachments.length} attachment${hit.attachments.length === 1 ? '' : 's'}`,
      hit.private && 'private',
    ),
    more: (
      <>
        {hit.snippet.text !== '' && (
          <Text size={200} className={styles.snippet}>
            <Highlighted value={hit.snippet} />
          </Text>
        )}
        {hit.links.length > 0 && (
          <ul className={styles.records} aria-label="Filed to">
            {hit.links.map((record) => (
              <li key={`${record.type}:${record.id}`}>
                <Text size={200}>{links.record(record)}</Text>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  };
}
