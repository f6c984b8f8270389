import { accountId, CONTACTS, EMAILS, generateEmail, phrase, PHRASES } from './data-set.js';
import type { Vocabulary } from './vocabulary.js';

export interface QueryScenario {
  name: string;
  /** The p99 it must stay within, in ms (null for the baseline). */
  targetMs: number | null;
  pathFor(n: number): string;
}

const search = (params: Record<string, string>) => `/api/v1/search/activities?${new URLSearchParams(params)}`;

/** Rare words that are in the data set: taken from the emails' own text, each in about 15 of a million. */
function rareWordsInData(vocabulary: Vocabulary, count: number): string[] {
  const rare = new Set(vocabulary.rare);
  const words: string[] = [];
  for (let g = 0; words.length < count; g += Math.floor(EMAILS / count) || 1) {
    const found = generateEmail(vocabulary, g % EMAILS)
      .body.split(/\W+/)
      .find((word) => rare.has(word));
    if (found) words.push(found);
  }
  return words;
}

/** The biggest accounts (the first contacts have the most mail) and ordinary ones, in turn. */
const scopedAccount = (n: number) => accountId(n % 2 === 0 ? n % 10 : (n * 7919) % (CONTACTS / 5));

export function queryScenarios(vocabulary: Vocabulary): QueryScenario[] {
  const rare = rareWordsInData(vocabulary, 200);
  const ranked = vocabulary.ranked;
  return [
    {
      name: 'baseline: an account’s timeline (GET /accounts/:id/timeline)',
      targetMs: null,
      pathFor: (n) => `/api/v1/accounts/${scopedAccount(n)}/timeline?limit=20`,
    },
    { name: 'rare word', targetMs: 50, pathFor: (n) => search({ q: rare[n % rare.length]! }) },
    {
      name: 'record-scoped: a common word within an account',
      targetMs: 50,
      pathFor: (n) =>
        search({ q: ranked[20 + (n % 200)]!, recordType: 'account', recordId: scopedAccount(n) }),
    },
    {
      name: 'common word (in nearly every email)',
      targetMs: 200,
      pathFor: (n) => search({ q: ranked[n % 20]! }),
    },
    {
      name: 'two words (each in 5–40% of emails)',
      targetMs: 200,
      pathFor: (n) => search({ q: `${ranked[300 + (n % 200)]} ${ranked[2000 + (n % 500)]}` }),
    },
    {
      name: 'phrase (each in about 1 in 6,000 emails)',
      targetMs: 200,
      pathFor: (n) => search({ q: `"${phrase(vocabulary, n % PHRASES).join(' ')}"` }),
    },
    {
      name: 'common word, newest first',
      targetMs: 200,
      pathFor: (n) => search({ q: ranked[n % 20]!, sort: 'newest' }),
    },
  ];
}
