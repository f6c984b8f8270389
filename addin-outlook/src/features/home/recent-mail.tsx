import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { consoleRecordPath, type HomeMail } from '@inbox-crm/shared/client';
import { EntryList } from '../../ui/entry-list.js';
import { metaLine } from '../../ui/format.js';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { HomeSection } from './home-section.js';
import { momentWords } from './home-words.js';

const useStyles = makeStyles({
  filedTo: { color: tokens.colorNeutralForeground3 },
});

const sender = (mail: HomeMail) =>
  mail.from === null ? null : mail.from.name ? `${mail.from.name} <${mail.from.email}>` : mail.from.email;

/** "Filed to Jane Doe · Fleet renewal": the caller's records the email is filed to, each a link. */
function FiledTo({ mail }: { mail: HomeMail }) {
  const styles = useStyles();
  return (
    <Text size={200} className={styles.filedTo}>
      Filed to{' '}
      {mail.records.map((record, index) => (
        <Fragment key={`${record.type}:${record.id}`}>
          {index > 0 && ' · '}
          <ConsoleLink to={consoleRecordPath(record)}>{record.name || 'Unnamed'}</ConsoleLink>
        </Fragment>
      ))}
    </Text>
  );
}

/** The newest mail filed to records the caller owns (private mail only where they may read it). */
export function RecentMail({ mail }: { mail: HomeMail[] }) {
  return (
    <HomeSection
      title="Recent mail on my records"
      isEmpty={mail.length === 0}
      empty="No mail filed to your records yet — file an email from Outlook or Gmail to a contact, account, deal or case you own."
      more={{ to: CONSOLE_PATHS.mail, label: 'All filed mail' }}
    >
      <EntryList
        ordered
        label="Recent mail on my records, newest first"
        entries={mail.map((item) => ({
          key: item.id,
          title: (
            <ConsoleLink to={CONSOLE_PATHS.email(item.id)}>{item.subject || '(no subject)'}</ConsoleLink>
          ),
          meta: metaLine(
            sender(item) && `From ${sender(item)}`,
            momentWords(item.sentAt),
            item.private && 'Private',
          ),
          more: <FiledTo mail={item} />,
        }))}
      />
    </HomeSection>
  );
}
