import { Link, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  consoleEmailPath,
  consoleRecordPath,
  type RecordRef,
  type SenderView,
} from '@inbox-crm/shared/client';
import { Section } from '../../ui/section.js';
import { useSettledText } from '../../ui/use-settled-text.js';
import type { HitLinks } from './activity-hit.js';
import { CorrespondenceResults } from './correspondence-results.js';

const useStyles = makeStyles({
  controls: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The pane opens what a hit names in the console, beside Outlook. */
const PANE_HIT_LINKS: HitLinks = {
  email: (id, title) => (
    <Link href={consoleEmailPath(id)} target="_blank">
      {title}
    </Link>
  ),
  record: (record) => (
    <Link href={consoleRecordPath(record)} target="_blank">
      {record.name || 'Unnamed record'}
    </Link>
  ),
};

type Scope = 'contact' | 'account' | 'everywhere';

/**
 * "Where did we discuss…?" beside the message: the words searched in this contact's correspondence
 * (or their account's, or everyone's), newest matches weighed first.
 */
export function PaneCorrespondenceSearch({ view }: { view: SenderView }) {
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const words = useSettledText(typed);
  const [scope, setScope] = useState<Scope>(
    view.contact ? 'contact' : view.account ? 'account' : 'everywhere',
  );
  const record: RecordRef | null =
    scope === 'contact' && view.contact
      ? { type: 'contact', id: view.contact.id }
      : scope === 'account' && view.account
        ? { type: 'account', id: view.account.id }
        : null;
  return (
    <Section title="Search correspondence">
      <div className={styles.controls}>
        <SearchBox
          aria-label="Words to search for"
          placeholder="Words, “a phrase”, -leave out"
          value={typed}
          onChange={(_, data) => setTyped(data.value)}
        />
        <Select
          aria-label="Where to search"
          value={scope}
          onChange={(_, data) => setScope(data.value as Scope)}
        >
          {view.contact && <option value="contact">With {view.contact.name || 'this contact'}</option>}
          {view.account && <option value="account">With {view.account.name || 'this account'}</option>}
          <option value="everywhere">Everyone’s correspondence</option>
        </Select>
      </div>
      {words !== '' && (
        <CorrespondenceResults
          query={{ q: words, limit: 5, ...(record ? { recordType: record.type, recordId: record.id } : {}) }}
          links={PANE_HIT_LINKS}
        />
      )}
    </Section>
  );
}
