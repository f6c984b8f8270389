import { useEffect, useState } from 'react';
import type { ApiError, RecordType, SearchHit } from '@inbox-crm/shared/client';
import { useServices } from './services.js';
import { asApiError } from './use-request.js';

const SEARCH_DELAY_MS = 250;

/**
 * The records whose names match what the user types, asked once typing pauses; null while nothing
 * is typed. An answer for text since replaced is dropped.
 */
export function useSearchAsTyped(query: string, types?: readonly RecordType[]) {
  const { api } = useServices();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const typesKey = types?.join(',') ?? '';

  useEffect(() => {
    const q = query.trim();
    if (q === '') return setHits(null);
    let current = true;
    const timer = setTimeout(() => {
      setFailure(null);
      api.search(q, typesKey ? (typesKey.split(',') as RecordType[]) : undefined).then(
        (result) => current && setHits(result.items),
        (error: unknown) => current && setFailure(asApiError(error)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query, typesKey]);

  return { hits, failure };
}
