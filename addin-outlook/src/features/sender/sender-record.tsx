import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { canBecomeContact, type MessageParty, type SenderView } from '@inbox-crm/shared/client';
import { AddressText } from '../../ui/address-text.js';
import { CreateContactForm } from '../contact/create-contact-form.js';
import { LinkSenderForm } from '../contact/link-sender-form.js';
import { AccountCard, ContactCard } from './record-cards.js';
import { HistoryList } from './history-list.js';
import { OpenItems } from './open-items.js';
import { QuickActions } from '../quick-actions/quick-actions.js';
import { PaneCorrespondenceSearch } from '../correspondence-search/pane-correspondence-search.js';

const useStyles = makeStyles({
  record: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  reason: { color: tokens.colorNeutralForeground2 },
  stranger: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  strangerName: { margin: 0 },
  offers: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A long label wraps in the narrow pane instead of running past the button's edge.
  offer: { whiteSpace: 'normal', textAlign: 'center' },
});

type Offer = 'create' | 'link' | null;

interface Props {
  view: SenderView;
  /** The person as the message names them, for prefilling a new contact. */
  party: MessageParty | null;
  /** Told after a write from the pane, so the record is read again. */
  onChanged: () => void;
}

/** The counterpart's record: contact, account, what is open with them and their latest history. */
export function SenderRecord({ view, party, onChanged }: Props) {
  const styles = useStyles();
  const [offer, setOffer] = useState<Offer>(null);
  const known = view.contact !== null || view.account !== null;
  const canCreate = canBecomeContact(view);

  return (
    <div className={styles.record}>
      {view.contact === null && party && (
        // Someone the CRM does not know: named as the message names them, so the user sees who it is.
        <div className={styles.stranger}>
          <Text as="h2" size={500} weight="semibold" className={styles.strangerName}>
            {party.name ?? party.email}
          </Text>
          {party.name && (
            <Text>
              <AddressText address={party.email} />
            </Text>
          )}
        </div>
      )}
      {view.contact === null && <Text className={styles.reason}>{view.reason.text}</Text>}
      {view.neverFile && (
        <MessageBar intent="info">
          <MessageBarBody>Mail with {view.neverFile} is never filed in your organisation.</MessageBarBody>
        </MessageBar>
      )}
      {view.contact && <ContactCard contact={view.contact} account={view.account} onChanged={onChanged} />}
      {view.contact && (
        // Why this is the record: a small line, so a match by an old address is noticed.
        <Text size={200} className={styles.reason}>
          {view.reason.text}
        </Text>
      )}
      {canCreate && offer === 'create' && (
        <CreateContactForm
          address={view.address!}
          displayName={party?.name ?? null}
          view={view}
          onCreated={onChanged}
          onCancel={() => setOffer(null)}
        />
      )}
      {canCreate && offer === 'link' && (
        <LinkSenderForm
          address={view.address!}
          displayName={party?.name ?? null}
          onLinked={onChanged}
          onCancel={() => setOffer(null)}
        />
      )}
      {canCreate && offer === null && (
        <div className={styles.offers}>
          <Button appearance="primary" className={styles.offer} onClick={() => setOffer('create')}>
            Create contact
          </Button>
          <Button className={styles.offer} onClick={() => setOffer('link')}>
            Link to an existing contact or account
          </Button>
        </div>
      )}
      {view.account && <AccountCard account={view.account} />}
      {known && <QuickActions view={view} onChanged={onChanged} />}
      {known && <OpenItems view={view} />}
      {known && <HistoryList entries={view.timeline} />}
      {known && <PaneCorrespondenceSearch key={view.contact?.id ?? view.account?.id} view={view} />}
    </div>
  );
}
