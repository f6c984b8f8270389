import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  consoleRecordPath,
  RECORD_TYPE_NAMES,
  type ContentRemoval,
  type Email,
  type Participant,
} from '@inbox-crm/shared/client';
import { Fragment, type ReactNode } from 'react';
import { AddressText } from '../../ui/address-text.js';
import { FactList, type Fact } from '../../ui/fact-list.js';
import { formatMoment } from '../../ui/format.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { ConsoleLink } from './console-link.js';
import { EmailAttachments, listedAttachments } from './email-attachments.js';
import { EmailBody } from './email-body.js';
import { useInlineImages } from './use-inline-images.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

const SOURCE_NAMES: Record<Email['source'], string> = {
  outlook: 'Outlook',
  gmail: 'Gmail',
  api: 'the API',
  mailbox: 'a support mailbox',
  import: 'an imported mailbox archive',
};

/** "Priya Raman <priya@northwind.example>", the address free to wrap after its @ and before dots. */
const person = (party: Participant) => (
  <>
    {party.name ? `${party.name} <` : ''}
    <AddressText address={party.email} />
    {party.name ? '>' : ''}
  </>
);

/** The people of a header, comma-separated; nothing when there are none. */
function people(parties: readonly Participant[]): ReactNode {
  if (parties.length === 0) return null;
  return (
    <Text>
      {parties.map((party, index) => (
        <Fragment key={`${index}:${party.email}`}>
          {index > 0 && ', '}
          {person(party)}
        </Fragment>
      ))}
    </Text>
  );
}

function headersOf(email: Email): Fact[] {
  return [
    ['From', people([email.from])],
    ['To', people(email.to)],
    ['Cc', people(email.cc)],
    ['Sent', formatMoment(email.sentAt)],
    [
      'Filed',
      `${formatMoment(email.filedAt)}${email.filedBy ? ` by ${email.filedBy.name}` : ''} from ${SOURCE_NAMES[email.source]}`,
    ],
    ['Mailbox', email.mailbox ?? ''],
    ['Attachments', listedAttachments(email).length > 0 ? <EmailAttachments email={email} /> : null],
  ];
}

/** One filed email: who, when, where it is filed, and its (sanitized) body. */
export function EmailPage({ id }: { id: string }) {
  const styles = useStyles();
  const { api } = useServices();
  const loaded = useRequest(id, () => api.getEmail(id));
  const state = loaded.state;
  if (state.status === 'loading') return <Spinner label="Loading the email…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={loaded.reload} />;
  const email = state.data;
  return (
    <article className={styles.page} aria-label={`Email ${email.subject}`}>
      <Text as="h1" block size={600} weight="semibold">
        {email.subject || '(no subject)'} {email.private && <Badge>Private</Badge>}
      </Text>
      <FactList facts={headersOf(email)} />
      <nav className={styles.links} aria-label="Filed to">
        <Text>Filed to</Text>
        {email.links.map((link) => (
          <span key={`${link.type}:${link.id}`}>
            {RECORD_TYPE_NAMES[link.type]}:{' '}
            <ConsoleLink to={consoleRecordPath(link)}>{link.name}</ConsoleLink>
          </span>
        ))}
      </nav>
      <FiledEmailBody email={email} />
    </article>
  );
}

/** The body, with the inline images it shows once they are read. */
const CONTENT_REMOVED_WORDS: Record<ContentRemoval, string> = {
  retention:
    'Its text and attachments were removed: your organisation keeps the content of mail for a set time.',
  metadata_only: 'Your organisation keeps only the subject, people and dates of filed mail.',
};

function FiledEmailBody({ email }: { email: Email }) {
  const inlineImages = useInlineImages(email);
  if (email.contentRemoved) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{CONTENT_REMOVED_WORDS[email.contentRemoved]}</MessageBarBody>
      </MessageBar>
    );
  }
  return <EmailBody html={email.bodyHtml} text={email.bodyText} inlineImages={inlineImages} />;
}
