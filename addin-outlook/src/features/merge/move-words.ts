import type { MergeMoves } from '@inbox-crm/shared/client';

const NOUNS: Record<keyof MergeMoves, [one: string, many: string]> = {
  activities: [
    'timeline entry (mail, call, meeting or note)',
    'timeline entries (mail, calls, meetings, notes)',
  ],
  contacts: ['contact', 'contacts'],
  opportunities: ['deal', 'deals'],
  cases: ['case', 'cases'],
  tasks: ['task', 'tasks'],
  planEnrollments: ['engagement plan', 'engagement plans'],
  emailAddresses: ['email address', 'email addresses'],
  phones: ['phone number', 'phone numbers'],
  domains: ['mail domain', 'mail domains'],
  consents: ['consent answer', 'consent answers'],
};

/** What a merge moves, in words: ["3 deals", "1 case"]; nothing for what it does not move. */
export function moveWords(moves: MergeMoves): string[] {
  return (Object.keys(NOUNS) as (keyof MergeMoves)[])
    .filter((key) => moves[key] > 0)
    .map((key) => `${moves[key]} ${NOUNS[key][moves[key] === 1 ? 0 : 1]}`);
}
