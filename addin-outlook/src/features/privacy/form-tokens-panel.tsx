import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiTokenCreated } from '@inbox-crm/shared/client';
import { formatDay, metaLine } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  name: { flexGrow: 1, minWidth: '12rem', maxWidth: '24rem' },
  made: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  secret: { flexGrow: 1, minWidth: 0, fontFamily: tokens.fontFamilyMonospace },
  entry: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  entryText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
});

/** Tokens for website forms: each records consent through the API and can do nothing else. */
export function FormTokensPanel() {
  const styles = useStyles();
  const lists = useListStyles();
  const { api } = useServices();
  const [changes, setChanges] = useState(0);
  const list = useRequest(`form-tokens:${changes}`, () => api.apiTokens());
  const [name, setName] = useState('');
  const [made, setMade] = useState<ApiTokenCreated | null>(null);
  const submission = useSubmission({ reusable: true });
  const state = list.state;
  const formTokens =
    state.status === 'done' ? state.data.items.filter((token) => token.scope === 'consent') : [];
  return (
    <Section title="Website forms">
      <Text>
        A form on your website records each visitor’s answers by sending them from the website’s server to{' '}
        <code>POST /api/v1/consents</code> with a token made here. Such a token can record consent and nothing
        else, and the answers are recorded as given through you.
      </Text>
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          void submission.submit(async () => {
            setMade(await api.createApiToken({ name: name.trim(), scope: 'consent' }));
            setName('');
            setChanges((count) => count + 1);
          });
        }}
      >
        <Field label="The website or form it is for" className={styles.name}>
          <Input value={name} maxLength={100} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Button type="submit" disabled={name.trim() === '' || submission.busy}>
          Make a token
        </Button>
      </form>
      {submission.failure && <ProblemMessage error={submission.failure} />}
      {made && (
        <div className={styles.made} role="status">
          <Text weight="semibold">Token for {made.apiToken.name}: copy it now, it is shown only once.</Text>
          <div className={styles.row}>
            <Input
              readOnly
              aria-label="The new token"
              value={made.token}
              className={styles.secret}
              onFocus={(event) => event.target.select()}
            />
            <Button onClick={() => void navigator.clipboard?.writeText(made.token)}>Copy</Button>
            <Button appearance="subtle" onClick={() => setMade(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
      {state.status === 'loading' && <Spinner size="tiny" label="Loading the tokens…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={list.reload} />}
      {state.status === 'done' && formTokens.length === 0 && <Text>You have no tokens for forms yet.</Text>}
      {formTokens.length > 0 && (
        <ul className={lists.list} aria-label="Your tokens for forms">
          {formTokens.map((token) => (
            <li key={token.id} className={mergeClasses(lists.entry, styles.entry)}>
              <span className={styles.entryText}>
                <Text>{token.name}</Text>
                <Text size={200} className={lists.meta}>
                  {metaLine(
                    `${token.prefix}…`,
                    `made ${formatDay(token.createdAt)}`,
                    token.lastUsedAt ? `last used ${formatDay(token.lastUsedAt)}` : 'never used',
                  )}
                </Text>
              </span>
              <Button
                size="small"
                disabled={submission.busy}
                onClick={() =>
                  void submission.submit(async () => {
                    await api.revokeApiToken(token.id);
                    setChanges((count) => count + 1);
                  })
                }
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
