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

/** "contract.pdf", "contract.pdf, terms.docx", "contract.pdf, terms.docx and 3 more". */
function attachmentNames(names: readonly string[]): string | false {
  if (names.length === 0) return false;
  const shown = names.slice(0, 2).join(', ');
  return names.length > 2 ? `${shown} and ${names.length - 2} more` : shown;
}

/** Who it came from (an email's sender) or who logged it (a call, meeting or note). */
function byWhom(hit: ActivityHit): string | undefined {
  if (hit.type === 'email') {
    const sender = hit.from?.name ?? hit.from?.email;
    return sender ? `from ${sender}` : undefined;
  }
  return hit.owner ? `logged by ${hit.owner.name}` : undefined;
}

/** One search hit as a list entry: its subject (marked), what, when and who, the snippet, and its records. */
export function activityHitEntry(
  hit: ActivityHit,
  links: HitLinks,
  styles: ReturnType<typeof useHitStyles>,
): ListEntry {
  // A note logged without a subject is known by its words, as on the timelines.
  const untitled = hit.subject.text === '';
  const subject = untitled ? (
    hit.snippet.text === '' ? (
      '(no subject)'
    ) : (
      <Highlighted value={hit.snippet} />
    )
  ) : (
    <Highlighted value={hit.subject} />
  );
  return {
    key: hit.id,
    title: hit.type === 'email' ? links.email(hit.id, subject) : <Text weight="semibold">{subject}</Text>,
    meta: metaLine(
      ACTIVITY_TYPE_NAMES[hit.type],
      formatMoment(hit.occurredAt),
      byWhom(hit),
      attachmentNames(hit.attachments),
      hit.private && 'private',
    ),
    more: (
      <>
        {hit.snippet.text !== '' && !untitled && (
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
