/** Folds text for search: accents removed, lower case, every run of punctuation a single space. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded words of a search query, at most `max` of them, each at most 64 characters. */
export function searchTerms(query: string, max = 8): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter((term) => term !== '')
    .slice(0, max)
    .map((term) => term.slice(0, 64));
}
