import { useMemo, useState } from 'react';
import { type RecordRef, choiceFromHit, choiceKey, type RecordChoice } from '@inbox-crm/shared/client';
import { useSearchAsTyped } from '../../ui/use-search-as-typed.js';

/**
 * The state of a record picker: the suggested records, what a search across all records found,
 * and which are ticked. Records ticked from a search stay listed when the search moves on.
 */
export function useRecordChoices(suggested: RecordChoice[], initiallySelected: Set<string>) {
  const [selected, setSelected] = useState(initiallySelected);
  const [kept, setKept] = useState<Map<string, RecordChoice>>(new Map());
  const [query, setQuery] = useState('');
  const search = useSearchAsTyped(query);
  const found = useMemo(() => (search.hits ?? []).map(choiceFromHit), [search.hits]);

  const choices = useMemo(() => {
    const seen = new Set<string>();
    return [...suggested, ...kept.values(), ...found].filter((choice) => {
      const key = choiceKey(choice);
      return !seen.has(key) && seen.add(key);
    });
  }, [suggested, kept, found]);

  function toggle(choice: RecordChoice, on: boolean) {
    const key = choiceKey(choice);
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
    setKept((previous) => new Map(previous).set(key, choice));
  }

  const selectedRefs: RecordRef[] = choices
    .filter((choice) => selected.has(choiceKey(choice)))
    .map(({ type, id }) => ({ type, id }));
  return { choices, selected, selectedRefs, toggle, query, setQuery, failure: search.failure };
}

export type RecordChoicesState = ReturnType<typeof useRecordChoices>;
