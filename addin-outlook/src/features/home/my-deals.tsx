import type { HomeDeals, OpportunityListRow } from '@inbox-crm/shared/client';
import { consoleRecordPath } from '@inbox-crm/shared/client';
import { EntryList } from '../../ui/entry-list.js';
import { ConsoleLink } from '../console/console-link.js';
import { HomeSection } from './home-section.js';
import { openDealsPath } from './home-links.js';
import { countOf, dealLine } from './home-words.js';

/** Deals as entries: the name a link to the deal, then account, stage, amount and close date. */
export function DealEntries({ deals, label }: { deals: OpportunityListRow[]; label: string }) {
  return (
    <EntryList
      label={label}
      entries={deals.map((deal) => ({
        key: deal.id,
        title: (
          <ConsoleLink to={consoleRecordPath({ type: 'opportunity', id: deal.id })}>{deal.name}</ConsoleLink>
        ),
        meta: dealLine(deal),
      }))}
    />
  );
}

/** The caller's open deals, closing soonest first. */
export function MyDeals({ deals }: { deals: HomeDeals }) {
  return (
    <HomeSection
      title="My open deals"
      summary={
        deals.open.value === 0
          ? undefined
          : `${countOf(deals.open, 'open deal', 'open deals')}, closing soonest first`
      }
      isEmpty={deals.items.length === 0}
      empty="No open deals — create one with New opportunity on the Opportunities list."
      more={{ to: openDealsPath({ owner: 'me' }), label: 'All my open deals' }}
    >
      <DealEntries deals={deals.items} label="My open deals, closing soonest first" />
    </HomeSection>
  );
}
