import { Random, type Vocabulary } from './vocabulary.js';

export const EMAILS = Number(process.env.BENCH_EMAILS ?? 1_000_000);
export const ACCOUNTS = 20_000;
export const CONTACTS = 100_000;
export const OWNERS = 20;
export const BENCH_ORG_NAME = 'Search Benchmark Co';
export const BENCH_ADMIN_EMAIL = 'admin@search-bench.example';
export const BENCH_ADMIN_PASSWORD = 'search benchmark password';

/** Two-word phrases, each written into about 1% of the emails. */
export const PHRASES = 60;

/** Deterministic ids, one hex letter per table, so the loader and the queries agree on them. */
export const emailId = (g: number) => `e0000000-0000-4000-8000-${g.toString(16).padStart(12, '0')}`;
export const contactId = (c: number) => `c0000000-0000-4000-8000-${c.toString(16).padStart(12, '0')}`;
export const accountId = (a: number) => `a0000000-0000-4000-8000-${a.toString(16).padStart(12, '0')}`;
export const accountOfContact = (c: number) => c % ACCOUNTS;
export const contactAddress = (c: number) => `person${c}@company${accountOfContact(c)}.example`;

/** The phrase `p`: two words from the middle of the ranking, fixed by the vocabulary's order. */
export const phrase = (vocabulary: Vocabulary, p: number) =>
  [vocabulary.ranked[3000 + 2 * p]!, vocabulary.ranked[3001 + 2 * p]!] as const;

export interface GeneratedEmail {
  g: number;
  contact: number;
  subject: string;
  body: string;
  /** Seconds before the newest email: spread over five years. */
  ageSeconds: number;
  inbound: boolean;
  owner: number;
  private: boolean;
}

function sentence(vocabulary: Vocabulary, random: Random, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i += 1) parts.push(vocabulary.common(random));
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * Email `g` of the data set, the same on every load: a subject of 4–8 words, a body of 2–10 KB in
 * paragraphs, three rare words, and one phrase in about 1 in 100. Its contact is skewed: the
 * first contacts (and so the first accounts) have thousands of emails, most have a few.
 */
export function generateEmail(vocabulary: Vocabulary, g: number): GeneratedEmail {
  const random = new Random(g * 2_654_435_761);
  const contact = Math.floor(CONTACTS * random.next() ** 2);
  const target = 2_000 + random.below(8_000);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < target) {
    const paragraph: string[] = [];
    for (let s = 0; s < 3 + random.below(4); s += 1)
      paragraph.push(sentence(vocabulary, random, 6 + random.below(14)));
    const text = paragraph.join(' ');
    paragraphs.push(text);
    length += text.length + 2;
  }
  for (let i = 0; i < 3; i += 1) {
    const at = random.below(paragraphs.length);
    paragraphs[at] = `${paragraphs[at]} ${vocabulary.rareWord(random)}`;
  }
  if (random.below(100) === 0) {
    const [first, second] = phrase(vocabulary, random.below(PHRASES));
    const at = random.below(paragraphs.length);
    paragraphs[at] = `${paragraphs[at]} About the ${first} ${second}.`;
  }
  return {
    g,
    contact,
    subject: sentence(vocabulary, random, 4 + random.below(5)).slice(0, -1),
    body: paragraphs.join('\n\n'),
    ageSeconds: random.below(5 * 365 * 86_400),
    inbound: random.below(2) === 0,
    owner: random.below(OWNERS),
    private: random.below(20) === 0,
  };
}

export { Random };
