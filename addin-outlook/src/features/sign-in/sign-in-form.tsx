import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ApiClient, ApiError, User } from '@inbox-crm/shared/client';
import { useSubmission } from '../../ui/use-submission.js';
import { ProblemMessage } from '../../ui/problem-message.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '360px',
    margin: '0 auto',
  },
});

interface Props {
  api: ApiClient;
  /** Why signing in is asked for again, e.g. the session expired. */
  reason: ApiError | null;
  onSignedIn: (user: User) => void;
}

/** Email and password against the page's own server. */
export function SignInForm({ api, reason, onSignedIn }: Props) {
  const styles = useStyles();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, failure, submit: run } = useSubmission();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => onSignedIn(await api.signIn(email.trim(), password)));
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Sign in to Inbox CRM">
      <Text as="h1" size={500} weight="semibold">
        Sign in to Inbox CRM
      </Text>
      {reason && !failure && (
        <MessageBar intent="warning">
          <MessageBarBody>{reason.message}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ProblemMessage error={failure} />}
      <Field label="Work email" required>
        <Input
          type="email"
          autoComplete="username"
          value={email}
          onChange={(_, data) => setEmail(data.value)}
        />
      </Field>
      <Field label="Password" required>
        <Input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(_, data) => setPassword(data.value)}
        />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy || email === '' || password === ''}>
        {busy ? <Spinner size="tiny" label="Signing in…" /> : 'Sign in'}
      </Button>
    </form>
  );
}
