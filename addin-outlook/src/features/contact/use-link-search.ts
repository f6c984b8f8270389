import { useEffect, useState } from 'react';
import type { ApiError, SearchHit } from '@inbox-crm/shared/client';
import { useServices } from '../../ui/services.js';
import { asApiError } from '../../ui/use-request.js';

const SEARCH_DELAY_MS = 250;
const LINKABLE = ['contact', 'account'] as const;

export type LinkableHit = SearchHit & { type: (typeof LINKABLE)[number] };

const isLinkable = (hit: SearchHit): hit is LinkableHit => hit.type === 'contact' || hit.type === 'account';

/** Contacts and accounts whose names match what the user types, asked once typing pauses. */
export function useLinkSearch() {
  const { api } = useServices();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<LinkableHit[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return setHits(null);
    let current = true;
    const timer = setTimeout(() => {
      setFailure(null);
      api.search(q, [...LINKABLE]).then(
        (result) => current && setHits(result.items.filter(isLinkable)),
        (error: unknown) => current && setFailure(asApiError(error)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  return { query, setQuery, hits, failure };
}
