import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SupportMailbox } from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState, Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';
import { MailboxForm } from './mailbox-form.js';
import { MailboxProblems } from './mailbox-problems.js';
import { MailboxRouting } from './mailbox-routing.js';
import { SlaPolicies } from './sla-policies.js';
import { afterReadingLine, mailboxStatusLine, outgoingLine } from './mailbox-words.js';

const useStyles = makeStyles({
  mailbox: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  failing: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  wrap: { overflowWrap: 'anywhere' },
});

/** The service desk's settings, for admins: the support mailboxes whose mail becomes cases. */
export function ServiceDeskPage() {
  const styles = useStyles();
  const lists = useListStyles();
  const { api, user } = useServices();
  const data = useRequest('service desk', async () => {
    const [mailboxes, teams] = await Promise.all([api.supportMailboxes(), api.teams()]);
    return { mailboxes, teams };
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [routingOf, setRoutingOf] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const change = useSubmission({ reusable: true });
  if (user.role !== 'admin') {
    return <EmptyState title="No access">Only admins manage the service desk.</EmptyState>;
  }
  const state = data.state;
  if (state.status === 'loading') return <Spinner label="Loading the service desk…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={data.reload} />;
  const { mailboxes, teams } = state.data;
  const saved = (mailbox: SupportMailbox) => {
    data.update((loaded) => ({
      ...loaded,
      mailboxes: loaded.mailboxes.some((old) => old.id === mailbox.id)
        ? loaded.mailboxes.map((old) => (old.id === mailbox.id ? mailbox : old))
        : [...loaded.mailboxes, mailbox],
    }));
    setEditing(null);
  };
  const teamName = (id: string | null) => teams.find((team) => team.id === id)?.name;
  const routed = mailboxes.find((mailbox) => mailbox.id === routingOf);
  if (routed) return <MailboxRouting mailbox={routed} teams={teams} onClose={() => setRoutingOf(null)} />;

  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Service desk
      </Text>
      <Text>
        Mail to a support mailbox becomes a case: a new message opens one for its sender, routed to a queue by
        the mailbox’s rules, and a reply is filed to its case. Mail stays on the mail server.
      </Text>
      <Section
        title="Support mailboxes"
        isEmpty={mailboxes.length === 0}
        empty="No support mailbox yet: connect one to turn its mail into cases."
      >
        <ul className={lists.list} aria-label="Support mailboxes">
          {mailboxes.map((mailbox) => (
            <li key={mailbox.id} className={styles.mailbox} aria-label={mailbox.name}>
              <Text weight="semibold">
                {mailbox.name} · {mailbox.address}
              </Text>
              <Text size={200} className={lists.meta}>
                {[
                  `${mailbox.host}:${mailbox.port}`,
                  `folder ${mailbox.folder}`,
                  afterReadingLine(mailbox),
                  outgoingLine(mailbox),
                  teamName(mailbox.teamId) && `cases go to ${teamName(mailbox.teamId)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Text
                size={200}
                role="status"
                className={mailbox.status === 'failing' ? `${styles.failing} ${styles.wrap}` : styles.wrap}
              >
                {mailboxStatusLine(mailbox)}
              </Text>
              {editing === mailbox.id ? (
                <MailboxForm
                  mailbox={mailbox}
                  teams={teams}
                  onSaved={saved}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className={styles.actions}>
                  <Button size="small" onClick={() => setEditing(mailbox.id)}>
                    Change
                  </Button>
                  <Button size="small" onClick={() => setRoutingOf(mailbox.id)}>
                    Routing and acknowledgement
                  </Button>
                  <Button
                    size="small"
                    disabled={change.busy}
                    onClick={() =>
                      void change.submit(async () =>
                        saved(
                          await api.updateSupportMailbox(mailbox.id, {
                            version: mailbox.version,
                            enabled: !mailbox.enabled,
                          }),
                        ),
                      )
                    }
                  >
                    {mailbox.enabled ? 'Switch off' : 'Switch on'}
                  </Button>
                  <Button size="small" onClick={data.reload}>
                    Check again
                  </Button>
                  <Button size="small" onClick={() => setRemoving(mailbox.id)}>
                    Remove
                  </Button>
                </div>
              )}
              {removing === mailbox.id && (
                <div className={styles.actions} role="group" aria-label={`Remove ${mailbox.name}`}>
                  <Text size={200}>
                    Remove {mailbox.name}? Its cases stay in the CRM and its mail on the mail server; nothing
                    more is read.
                  </Text>
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={change.busy}
                    onClick={() =>
                      void change.submit(async () => {
                        await api.deleteSupportMailbox(mailbox.id);
                        setRemoving(null);
                        data.update((loaded) => ({
                          ...loaded,
                          mailboxes: loaded.mailboxes.filter((old) => old.id !== mailbox.id),
                        }));
                      })
                    }
                  >
                    Remove it
                  </Button>
                  <Button size="small" onClick={() => setRemoving(null)}>
                    Keep it
                  </Button>
                </div>
              )}
              <MailboxProblems mailbox={mailbox} />
            </li>
          ))}
        </ul>
        {change.failure && <ProblemMessage error={change.failure} />}
      </Section>
      {editing === 'new' ? (
        <MailboxForm teams={teams} onSaved={saved} onCancel={() => setEditing(null)} />
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setEditing('new')}>
            Connect a mailbox
          </Button>
        </div>
      )}
      <SlaPolicies />
    </>
  );
}
