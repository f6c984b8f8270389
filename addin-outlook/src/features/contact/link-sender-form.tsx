import { Button, Field, makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { RECORD_TYPE_NAMES } from '@inbox-crm/shared/client';
import { usePanelStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { LinkToAccount, LinkToContact } from './link-choice.js';
import { useLinkSearch, type LinkableHit } from './use-link-search.js';

const useStyles = makeStyles({
  hits: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  hit: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  hitText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface Props {
  address: string;
  displayName: string | null;
  /** Told once the address belongs to a contact, so the pane reads the sender again. */
  onLinked: () => void;
  onCancel: () => void;
}

/**
 * An unknown sender who is in the CRM already under another address, or works at a company it
 * knows: find that contact (and add this address to them) or that account (and make them a
 * contact there).
 */
export function LinkSenderForm({ address, displayName, onLinked, onCancel }: Props) {
  const panel = usePanelStyles();
  const styles = useStyles();
  const search = useLinkSearch();
  const [picked, setPicked] = useState<LinkableHit | null>(null);

  return (
    <section className={panel.panel} aria-label="Link to an existing contact or account">
      <Text weight="semibold">Link this sender to a contact or account</Text>
      {picked === null ? (
        <>
          <Field label="Find a contact or account">
            <SearchBox
              placeholder="Name or company"
              value={search.query}
              onChange={(_, data) => search.setQuery(data.value)}
            />
          </Field>
          {search.failure && <ProblemMessage error={search.failure} />}
          {search.hits?.length === 0 && (
            <Text className={panel.note}>No contact or account has that name. Try another word.</Text>
          )}
          {search.hits && search.hits.length > 0 && (
            <ul className={styles.hits} aria-label="Contacts and accounts found">
              {search.hits.map((hit) => (
                <li key={`${hit.type}:${hit.id}`}>
                  <Button appearance="subtle" className={styles.hit} onClick={() => setPicked(hit)}>
                    <span className={styles.hitText}>
                      <span>{hit.name}</span>
                      <span className={styles.detail}>
                        {RECORD_TYPE_NAMES[hit.type]}
                        {hit.detail && <> · {hit.detail}</>}
                      </span>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div className={panel.actions}>
            <Button onClick={onCancel}>Cancel</Button>
          </div>
        </>
      ) : picked.type === 'contact' ? (
        <LinkToContact
          contactId={picked.id}
          address={address}
          onLinked={onLinked}
          onBack={() => setPicked(null)}
        />
      ) : (
        <LinkToAccount
          account={picked}
          address={address}
          displayName={displayName}
          onLinked={onLinked}
          onBack={() => setPicked(null)}
        />
      )}
    </section>
  );
}
