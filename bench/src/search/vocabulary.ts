import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/** A small, fast, seeded random source (xorshift32): the same seed gives the same data set. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4_294_967_296;
  }

  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** How many words are drawn by frequency; the rest of the English word list is the rare pool. */
const RANKED_WORDS = 50_000;
const TABLE_SIZE = 1 << 22;

/**
 * English words (the `word-list` package, 274k words) in a fixed shuffled order: the first 50,000
 * are drawn with Zipf's law (rank 1 is in nearly every email, rank 50,000 in about 2,000 of a
 * million), the rest uniformly, a few per email, so each of them is in about 15 of a million.
 */
export class Vocabulary {
  readonly ranked: string[];
  readonly rare: string[];
  private readonly table: Uint32Array;

  constructor() {
    const words = readFileSync(wordListPath, 'utf8')
      .split('\n')
      .filter((word) => /^[a-z]{3,14}$/.test(word));
    const random = new Random(20261203);
    for (let i = words.length - 1; i > 0; i -= 1) {
      const j = random.below(i + 1);
      [words[i], words[j]] = [words[j]!, words[i]!];
    }
    this.ranked = words.slice(0, RANKED_WORDS);
    this.rare = words.slice(RANKED_WORDS);
    this.table = zipfTable(RANKED_WORDS);
  }

  /** A word by Zipf's law. */
  common(random: Random): string {
    return this.ranked[this.table[random.below(TABLE_SIZE)]!]!;
  }

  rareWord(random: Random): string {
    return this.rare[random.below(this.rare.length)]!;
  }
}

/** Rank indexes laid out so that a uniform slot picks rank r with probability ∝ 1/r. */
function zipfTable(size: number): Uint32Array {
  let harmonic = 0;
  for (let rank = 1; rank <= size; rank += 1) harmonic += 1 / rank;
  const table = new Uint32Array(TABLE_SIZE);
  let slot = 0;
  let cumulative = 0;
  for (let rank = 1; rank <= size; rank += 1) {
    cumulative += 1 / rank / harmonic;
    const end = Math.min(TABLE_SIZE, Math.max(slot + 1, Math.round(cumulative * TABLE_SIZE)));
    table.fill(rank - 1, slot, end);
    slot = end;
  }
  table.fill(size - 1, slot);
  return table;
}
