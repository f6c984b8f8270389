import type { ApiSession } from '../support/api-session.js';

/** The paths of up to `pages` pages of a list: `first`, then each page's nextCursor in turn. */
export async function pagePaths(api: ApiSession, first: string, pages: number): Promise<string[]> {
  const paths = [first];
  const separator = first.includes('?') ? '&' : '?';
  while (paths.length < pages) {
    const { nextCursor } = await api.getJson<{ nextCursor: string | null }>(paths[paths.length - 1]!);
    if (nextCursor === null) break;
    paths.push(`${first}${separator}cursor=${encodeURIComponent(nextCursor)}`);
  }
  return paths;
}
