import { Button, Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SupportMailbox, SupportMailboxCreate, Team } from '@inbox-crm/shared/client';
import { NamedSelect } from '../../ui/named-select.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import {
  AUTH_WORDS,
  DEFAULT_OUTGOING_PORTS,
  DEFAULT_PORTS,
  OUTGOING_SECURITY_WORDS,
  SECURITY_WORDS,
} from './mailbox-words.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '32em' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '12em' },
  port: { width: '7em' },
  // A list as wide as its longest choice would push a phone-wide form past its edge.
  fit: { minWidth: 0, maxWidth: '100%' },
});

type Security = SupportMailbox['security'];
type AuthMethod = SupportMailbox['authMethod'];

/** A security choice, moving the port along when it was the old choice's usual one. */
function SecuritySelect(props: {
  label: string;
  value: Security;
  words: Record<Security, string>;
  ports: Record<Security, number>;
  port: string;
  onChange: (security: Security, port: string) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={props.label} className={styles.fit}>
      <Select
        className={styles.fit}
        value={props.value}
        onChange={(_, data) => {
          const chosen = data.value as Security;
          const port =
            props.port === String(props.ports[props.value]) ? String(props.ports[chosen]) : props.port;
          props.onChange(chosen, port);
        }}
      >
        {(Object.keys(props.words) as Security[]).map((option) => (
          <option key={option} value={option}>
            {props.words[option]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Connects a support mailbox, or changes one (`mailbox`): its password is asked for, never shown. */
export function MailboxForm(props: {
  mailbox?: SupportMailbox;
  teams: readonly Team[];
  onSaved: (mailbox: SupportMailbox) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const existing = props.mailbox;
  const [name, setName] = useState(existing?.name ?? 'Support');
  const [address, setAddress] = useState(existing?.address ?? '');
  const [host, setHost] = useState(existing?.host ?? '');
  const [security, setSecurity] = useState<Security>(existing?.security ?? 'tls');
  const [port, setPort] = useState(String(existing?.port ?? DEFAULT_PORTS.tls));
  const [username, setUsername] = useState(existing?.username ?? '');
  const [authMethod, setAuthMethod] = useState<AuthMethod>(existing?.authMethod ?? 'password');
  const [secret, setSecret] = useState('');
  const [folder, setFolder] = useState(existing?.folder ?? 'INBOX');
  const [moveToFolder, setMoveToFolder] = useState(existing?.moveToFolder ?? '');
  const [teamId, setTeamId] = useState(existing?.teamId ?? '');
  const [readExisting, setReadExisting] = useState(existing?.readExisting ?? false);
  const [ownOutgoing, setOwnOutgoing] = useState(existing ? existing.outgoing !== null : false);
  const [smtpHost, setSmtpHost] = useState(existing?.outgoing?.host ?? '');
  const [smtpSecurity, setSmtpSecurity] = useState<Security>(existing?.outgoing?.security ?? 'tls');
  const [smtpPort, setSmtpPort] = useState(String(existing?.outgoing?.port ?? DEFAULT_OUTGOING_PORTS.tls));
  const submission = useSubmission({ reusable: true });

  const settings = {
    name,
    address,
    host,
    port: Number(port),
    security,
    username: username || address,
    authMethod,
    folder,
    afterReading: moveToFolder.trim() === '' ? ('mark_seen' as const) : ('move' as const),
    moveToFolder: moveToFolder.trim() === '' ? null : moveToFolder.trim(),
    teamId: teamId || null,
    readExisting,
    outgoing: ownOutgoing ? { host: smtpHost, port: Number(smtpPort), security: smtpSecurity } : null,
  };
  const save = () =>
    existing
      ? api.updateSupportMailbox(existing.id, {
          ...settings,
          version: existing.version,
          ...(secret ? { secret } : {}),
        })
      : api.createSupportMailbox({ ...settings, secret } satisfies SupportMailboxCreate);
  const secretLabel = authMethod === 'password' ? 'Password' : 'Access token';

  return (
    <form
      className={styles.form}
      aria-label={existing ? `Change ${existing.name}` : 'New support mailbox'}
      onSubmit={(event) => {
        event.preventDefault();
        void submission.submit(async () => props.onSaved(await save()));
      }}
    >
      <Field label="Name" required hint="How the mailbox is called in the CRM, e.g. Support or Billing.">
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label="Support address" required hint="Where customers write; answers go out from it.">
        <Input type="email" value={address} onChange={(_, data) => setAddress(data.value)} />
      </Field>
      <div className={styles.row}>
        <Field label="IMAP server" required className={styles.grow}>
          <Input value={host} placeholder="imap.example.com" onChange={(_, data) => setHost(data.value)} />
        </Field>
        <Field label="Port" required className={styles.port}>
          <Input type="number" value={port} onChange={(_, data) => setPort(data.value)} />
        </Field>
      </div>
      <SecuritySelect
        label="Security"
        value={security}
        words={SECURITY_WORDS}
        ports={DEFAULT_PORTS}
        port={port}
        onChange={(chosen, nextPort) => {
          setSecurity(chosen);
          setPort(nextPort);
        }}
      />
      <Field label="User name" hint="Usually the address itself.">
        <Input value={username} placeholder={address} onChange={(_, data) => setUsername(data.value)} />
      </Field>
      <Field label="Sign in with" className={styles.fit}>
        <Select
          className={styles.fit}
          value={authMethod}
          onChange={(_, data) => setAuthMethod(data.value as AuthMethod)}
        >
          {(Object.keys(AUTH_WORDS) as AuthMethod[]).map((option) => (
            <option key={option} value={option}>
              {AUTH_WORDS[option]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={secretLabel}
        required={!existing}
        hint={
          existing
            ? `Leave it empty to keep the saved ${secretLabel.toLowerCase()}.`
            : 'Kept encrypted; nobody can read it back.'
        }
      >
        <Input type="password" value={secret} onChange={(_, data) => setSecret(data.value)} />
      </Field>
      <Field label="Folder to read">
        <Input value={folder} onChange={(_, data) => setFolder(data.value)} />
      </Field>
      <Field
        label="Move read mail to"
        hint="Leave it empty to mark read mail as read where it is. Mail is never deleted."
      >
        <Input
          value={moveToFolder}
          placeholder="e.g. Filed"
          onChange={(_, data) => setMoveToFolder(data.value)}
        />
      </Field>
      <NamedSelect label="Team" value={teamId} none="No team" items={props.teams} onChange={setTeamId} />
      <Checkbox
        checked={readExisting}
        onChange={(_, data) => setReadExisting(data.checked === true)}
        label="Also bring in the mail already in the folder"
      />
      <Checkbox
        checked={ownOutgoing}
        onChange={(_, data) => setOwnOutgoing(data.checked === true)}
        label="Send acknowledgements and answers through this mailbox’s own SMTP server"
      />
      {ownOutgoing ? (
        <>
          <div className={styles.row}>
            <Field label="SMTP server" required className={styles.grow}>
              <Input
                value={smtpHost}
                placeholder="smtp.example.com"
                onChange={(_, data) => setSmtpHost(data.value)}
              />
            </Field>
            <Field label="SMTP port" required className={styles.port}>
              <Input type="number" value={smtpPort} onChange={(_, data) => setSmtpPort(data.value)} />
            </Field>
          </div>
          <SecuritySelect
            label="SMTP security"
            value={smtpSecurity}
            words={OUTGOING_SECURITY_WORDS}
            ports={DEFAULT_OUTGOING_PORTS}
            port={smtpPort}
            onChange={(chosen, nextPort) => {
              setSmtpSecurity(chosen);
              setSmtpPort(nextPort);
            }}
          />
          <Text size={200}>It signs in with the user name and password or token above.</Text>
        </>
      ) : (
        <Text size={200}>Mail from this address goes out through the CRM server’s own mail settings.</Text>
      )}
      {submission.failure && <ProblemMessage error={submission.failure} />}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={submission.busy}>
          {existing ? 'Save' : 'Connect'}
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
