import {
  ACTIVITY_TYPE_NAMES,
  consoleEmailPath,
  consoleRecordPath,
  type ActivityHit,
} from '@inbox-crm/shared';
import { boldMatches, markedFact, openLink, paragraph, section } from '../cards/card-builder.js';
import type { CardSection } from '../cards/card-model.js';
import { formatDay, joinParts, type CardLocale } from './format.js';
import type { ViewContext } from './view-context.js';

/** Where a hit opens: an email in the console's reader, anything else on its first record's page. */
function hitLink(hit: ActivityHit, context: ViewContext): string | null {
  if (hit.type === 'email') return `${context.publicUrl}${consoleEmailPath(hit.id)}`;
  const record = hit.links[0];
  return record ? `${context.publicUrl}${consoleRecordPath(record)}` : null;
}

/** Filed email, calls, meetings and notes that hold a search's words, each opening in the console. */
export function correspondenceSection(
  title: string,
  hits: readonly ActivityHit[],
  context: ViewContext,
  where: CardLocale,
): CardSection {
  if (hits.length === 0) {
    return section(title, [paragraph('No filed email, call, meeting or note holds these words.')]);
  }
  return section(
    title,
    hits.map((hit) => {
      const link = hitLink(hit, context);
      const who = hit.type === 'email' ? (hit.from?.name ?? hit.from?.email) : hit.owner?.name;
      return markedFact(hit.subject.text === '' ? ACTIVITY_TYPE_NAMES[hit.type] : boldMatches(hit.subject), {
        top: joinParts(ACTIVITY_TYPE_NAMES[hit.type], formatDay(hit.occurredAt, where), who),
        ...(hit.snippet.text ? { bottom: hit.snippet.text } : {}),
        ...(link ? { onClick: openLink(link) } : {}),
      });
    }),
  );
}
