import { consoleRecordPath, RECORD_TYPE_NAMES, type RecentView } from '@inbox-crm/shared/client';
import { EntryList } from '../../ui/entry-list.js';
import { ConsoleLink } from '../console/console-link.js';
import { HomeSection } from './home-section.js';
import { momentWords } from './home-words.js';

/** The records the caller opened last in the console, on any device, newest first. */
export function RecentlyViewed({ views }: { views: RecentView[] }) {
  return (
    <HomeSection
      title="Recently viewed"
      isEmpty={views.length === 0}
      empty="Nothing opened yet — the records you open are listed here, on every device you sign in on."
    >
      <EntryList
        ordered
        label="Recently viewed records, newest first"
        entries={views.map((view) => ({
          key: `${view.type}:${view.id}`,
          title: (
            <ConsoleLink to={consoleRecordPath(view)}>
              {view.name || `Unnamed ${RECORD_TYPE_NAMES[view.type].toLowerCase()}`}
            </ConsoleLink>
          ),
          meta: `${RECORD_TYPE_NAMES[view.type]} · opened ${momentWords(view.viewedAt)}`,
        }))}
      />
    </HomeSection>
  );
}
