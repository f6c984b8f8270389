import type { StageKind } from '@inbox-crm/shared';

/** The pipeline every new organisation starts with; admins rename, reorder and add stages. */
export const DEFAULT_PIPELINE: ReadonlyArray<{ name: string; kind: StageKind; probability: number }> = [
  { name: 'Lead', kind: 'open', probability: 10 },
  { name: 'Qualified', kind: 'open', probability: 25 },
  { name: 'Proposal', kind: 'open', probability: 50 },
  { name: 'Negotiation', kind: 'open', probability: 75 },
  { name: 'Closed won', kind: 'won', probability: 100 },
  { name: 'Closed lost', kind: 'lost', probability: 0 },
];
