import { useState } from 'react';
import type { SearchHit } from '@inbox-crm/shared/client';
import { useSearchAsTyped } from '../../ui/use-search-as-typed.js';

const LINKABLE = ['contact', 'account'] as const;

export type LinkableHit = SearchHit & { type: (typeof LINKABLE)[number] };

const isLinkable = (hit: SearchHit): hit is LinkableHit => hit.type === 'contact' || hit.type === 'account';

/** Contacts and accounts whose names match what the user types, asked once typing pauses. */
export function useLinkSearch() {
  const [query, setQuery] = useState('');
  const { hits, failure } = useSearchAsTyped(query, LINKABLE);
  return { query, setQuery, hits: hits && hits.filter(isLinkable), failure };
}
