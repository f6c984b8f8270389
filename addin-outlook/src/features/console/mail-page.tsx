import { makeStyles, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { consoleRecordPath, type FiledEmailsQuery, type Role } from '@inbox-crm/shared/client';
import { formatMoment, metaLine } from '../../ui/format.js';
import { EntryList } from '../../ui/entry-list.js';
import { LoadMore } from '../../ui/load-more.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { usePagedList } from '../../ui/use-paged-list.js';
import { ConsoleLink } from './console-link.js';
import { CONSOLE_PATHS } from './console-route.js';

type Scope = NonNullable<FiledEmailsQuery['scope']>;

const SCOPES: { scope: Scope; label: string; roles: Role[] }[] = [
  { scope: 'mine', label: 'Filed by me', roles: ['member', 'manager', 'admin'] },
  { scope: 'team', label: 'My team', roles: ['manager', 'admin'] },
  { scope: 'organisation', label: 'Everyone', roles: ['admin'] },
];

const DEFAULT_SCOPE: Record<Role, Scope> = { member: 'mine', manager: 'team', admin: 'organisation' };

const useStyles = makeStyles({
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Recently filed correspondence: one's own, and for managers their team's. */
export function MailPage() {
  const styles = useStyles();
  const { api, user } = useServices();
  const scopes = SCOPES.filter((option) => option.roles.includes(user.role));
  const [scope, setScope] = useState<Scope>(DEFAULT_SCOPE[user.role]);
  const list = usePagedList(scope, (cursor) => api.filedEmails({ scope, ...(cursor ? { cursor } : {}) }));

  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Filed mail
      </Text>
      {scopes.length > 1 && (
        <TabList
          selectedValue={scope}
          onTabSelect={(_, data) => setScope(data.value as Scope)}
          aria-label="Whose mail"
        >
          {scopes.map((option) => (
            <Tab key={option.scope} value={option.scope}>
              {option.label}
            </Tab>
          ))}
        </TabList>
      )}
      {list.state.status === 'loading' && <Spinner label="Loading filed mail…" />}
      {list.state.status === 'failed' && <ProblemMessage error={list.state.error} onRetry={list.reload} />}
      {list.state.status === 'done' && list.items.length === 0 && (
        <Text role="status">Nothing filed yet.</Text>
      )}
      <EntryList
        ordered
        label="Filed emails"
        entries={list.items.map((email) => ({
          key: email.id,
          title: (
            <ConsoleLink to={CONSOLE_PATHS.email(email.id)}>{email.subject || '(no subject)'}</ConsoleLink>
          ),
          meta: metaLine(
            email.from.name ?? email.from.email,
            formatMoment(email.sentAt),
            email.filedBy && `filed by ${email.filedBy.name}`,
            email.mailbox && `from ${email.mailbox}`,
            email.private && 'private',
          ),
          more: (
            <span className={styles.links}>
              {email.links.map((link) => (
                <ConsoleLink key={`${link.type}:${link.id}`} to={consoleRecordPath(link)}>
                  {link.name}
                </ConsoleLink>
              ))}
            </span>
          ),
        }))}
      />
      <LoadMore list={list} />
    </>
  );
}
