import type { ParsedSearch, SearchClause } from '@inbox-crm/shared';
import { ValidationFailed } from '../../errors.js';

/**
 * A tsquery written into the statement rather than bound: the server plans statements generically,
 * and only a query the planner can read lets it choose between the GIN index (rare words) and
 * walking the newest rows (common ones). Safe because words are folded letters and digits and tags
 * use `@._+-%` besides (checked again here), so it needs no quoting.
 */
export type TsqueryLiteral = string & { readonly tsquery: unique symbol };

const SAFE = /^[\p{L}\p{N}@._+%\-:*!&|()<> ]+$/u;

function literal(text: string): TsqueryLiteral {
  if (!SAFE.test(text)) {
    const message = 'The query holds characters the search cannot read.';
    throw new ValidationFailed(message, [{ in: 'querystring', path: '/q', message }]);
  }
  return `'${text}'` as TsqueryLiteral;
}

function clauseText(clause: SearchClause): string {
  const words = clause.words.map(({ word, prefix }) => (prefix ? `${word}:*` : word));
  const phrase = words.length === 1 ? words[0]! : `(${words.join(' <-> ')})`;
  return clause.exclude ? `!${phrase}` : phrase;
}

/** A filter as the index holds it: a tag, any of several, or a tag that must be absent. */
export type TagCondition = string | { anyOf: string[] } | { not: string };

/** Every clause of the query and every tag condition, all to hold. */
export function matchQuery(parsed: ParsedSearch, tags: readonly TagCondition[]): TsqueryLiteral {
  const parts = parsed.clauses.map(clauseText);
  for (const tag of tags) {
    if (typeof tag === 'string') parts.push(tag);
    else if ('not' in tag) parts.push(`!${tag.not}`);
    else parts.push(tag.anyOf.length === 1 ? tag.anyOf[0]! : `(${tag.anyOf.join(' | ')})`);
  }
  return literal(parts.join(' & '));
}

/** The query's wanted words alone, for ranking (tags and exclusions say nothing of relevance). */
export function rankQuery(parsed: ParsedSearch): TsqueryLiteral {
  return literal(
    parsed.clauses
      .filter((clause) => !clause.exclude)
      .map(clauseText)
      .join(' & '),
  );
}
