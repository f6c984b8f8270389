import { Card, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { consoleRecordPath, PHONE_LABEL_NAMES, type LookupResult } from '@inbox-crm/shared/client';
import { ConsentLine } from '../consent/consent-line.js';
import { AccountSummaryLine } from './account-summary-line.js';

type SenderContact = NonNullable<LookupResult['contact']>;
type SenderAccount = NonNullable<LookupResult['account']>;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0 },
});

export function ContactCard({
  contact,
  account,
  onChanged,
}: {
  contact: SenderContact;
  account: SenderAccount | null;
  /** Told after an answer is recorded here, so the record is read again. */
  onChanged: () => void;
}) {
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-label={`Contact ${contact.name}`}>
      <Link href={consoleRecordPath({ type: 'contact', id: contact.id })} target="_blank">
        <Text as="h2" size={500} weight="semibold">
          {contact.name}
        </Text>
      </Link>
      {(contact.title || account) && (
        <Text className={styles.line}>{[contact.title, account?.name].filter(Boolean).join(' · ')}</Text>
      )}
      <ul className={styles.list} aria-label="Emails and phones">
        {contact.emails.map((email) => (
          <li key={email} className={styles.line}>
            <Link href={`mailto:${email}`}>{email}</Link>
          </li>
        ))}
        {contact.phones.map((phone) => (
          <li key={phone.number} className={styles.line}>
            <Link href={`tel:${phone.number}`}>{phone.number}</Link> ({PHONE_LABEL_NAMES[phone.label]})
          </li>
        ))}
      </ul>
      {contact.owner && <Text className={styles.line}>Owner: {contact.owner.name}</Text>}
      <ConsentLine
        contactId={contact.id}
        emails={contact.emails}
        consents={contact.consents}
        onRecorded={onChanged}
      />
    </Card>
  );
}

export function AccountCard({ account }: { account: SenderAccount }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-label={`Account ${account.name}`}>
      <Link href={consoleRecordPath({ type: 'account', id: account.id })} target="_blank">
        <Text as="h2" size={400} weight="semibold">
          {account.name}
        </Text>
      </Link>
      <Text className={styles.line}>{[...account.domains, account.phone].filter(Boolean).join(' · ')}</Text>
      {account.owner && <Text className={styles.line}>Owner: {account.owner.name}</Text>}
      <AccountSummaryLine accountId={account.id} />
    </Card>
  );
}
