import { indexedWords } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { fitsIndex, searchTags } from './tags.js';

/** A lexeme quoted for tsquery input: tags carry dots and percent signs. */
const lexeme = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Every activity the index says concerns a person: filed to one of these records, with one of
 * these addresses among its participants, or naming them (each phrase's words in a row). For an
 * erasure or an access request, which then check each one exactly.
 */
export async function activitiesMentioning(
  db: Db,
  orgId: string,
  person: { recordIds: readonly string[]; addresses: readonly string[]; phrases: readonly string[] },
): Promise<string[]> {
  const tags = [
    ...person.recordIds.map(searchTags.record),
    ...person.addresses.map(searchTags.address),
  ].filter(fitsIndex);
  const phrases = person.phrases
    .map((phrase) => indexedWords(phrase).map(lexeme))
    .filter((words) => words.length > 0)
    .map((words) => (words.length === 1 ? words[0]! : `(${words.join(' <-> ')})`));
  const parts = [...tags.map(lexeme), ...phrases];
  if (parts.length === 0) return [];
  const rows = (await db('activity_search')
    .where({ org_id: orgId })
    .whereRaw('document @@ CAST(? AS tsquery)', [parts.join(' | ')])
    .select('activity_id')) as { activity_id: string }[];
  return rows.map((row) => row.activity_id);
}
