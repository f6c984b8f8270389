import { useEffect, useMemo, useState } from 'react';
import {
  type ApiError,
  type RecordRef,
  choiceFromHit,
  choiceKey,
  type RecordChoice,
} from '@inbox-crm/shared/client';
import { useServices } from '../../ui/services.js';
import { asApiError } from '../../ui/use-request.js';

const SEARCH_DELAY_MS = 250;

/**
 * The state of a record picker: the suggested records, what a search across all records found,
 * and which are ticked. Records ticked from a search stay listed when the search moves on.
 */
export function useRecordChoices(suggested: RecordChoice[], initiallySelected: Set<string>) {
  const { api } = useServices();
  const [selected, setSelected] = useState(initiallySelected);
  const [found, setFound] = useState<RecordChoice[]>([]);
  const [kept, setKept] = useState<Map<string, RecordChoice>>(new Map());
  const [query, setQuery] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return setFound([]);
    let current = true;
    const timer = setTimeout(() => {
      api.search(q).then(
        (result) => current && setFound(result.items.map(choiceFromHit)),
        (error: unknown) => current && setFailure(asApiError(error)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

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
  return { choices, selected, selectedRefs, toggle, query, setQuery, failure };
}

export type RecordChoicesState = ReturnType<typeof useRecordChoices>;
