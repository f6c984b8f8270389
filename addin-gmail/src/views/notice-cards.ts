import { bold, card, escapeCardText, paragraph, section } from '../cards/card-builder.js';
import type { Card } from '../cards/card-model.js';

/** A card that explains something in a sentence or two: no access, an error, nothing to show. */
export function noticeCard(title: string, ...lines: string[]): Card {
  return card({ title: 'Inbox CRM' }, [
    section(null, [paragraph(bold(title)), ...lines.map((line) => paragraph(escapeCardText(line)))]),
  ]);
}

export const noAccessCard = (email: string) =>
  noticeCard(
    'You are not an Inbox CRM user yet',
    `Nobody in Inbox CRM signs in as ${email}. Ask your CRM administrator to add you with this address; then open the message again.`,
  );
