import { CASE_STATUS_NAMES, type SearchGroups } from '@inbox-crm/shared/client';

export type SearchedList = keyof SearchGroups;
export type HitOf<L extends SearchedList> = SearchGroups[L]['items'][number];

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

/** The line under a hit that tells namesakes apart: a domain, an address and employer, a stage or status and account. */
export const HIT_LINES: { [L in SearchedList]: (hit: HitOf<L>) => string } = {
  accounts: (hit) => hit.domain ?? '',
  contacts: (hit) => joined(hit.email, hit.account?.name),
  opportunities: (hit) => joined(hit.stage, hit.account?.name),
  cases: (hit) => joined(CASE_STATUS_NAMES[hit.status], hit.account?.name),
};

/** A hit's name, or for a contact saved without one, its address. */
export function hitName<L extends SearchedList>(list: L, hit: HitOf<L>): string {
  if (hit.name.trim() !== '') return hit.name;
  return list === 'contacts' ? ((hit as HitOf<'contacts'>).email ?? 'Unnamed contact') : 'Unnamed';
}
