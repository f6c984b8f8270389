import { makeStyles, Spinner, Switch, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** For admins: how the add-ins file for everyone in the organisation. */
export function FilingSettings() {
  const styles = useStyles();
  const { api } = useServices();
  const organisation = useRequest('organisation', () => api.organisation());
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const state = organisation.state;

  async function setAutoFile(on: boolean) {
    if (state.status !== 'done') return;
    setSaving(true);
    setFailure(null);
    try {
      const updated = await api.updateOrganisation({ version: state.data.version, autoFileThreads: on });
      organisation.update(() => updated);
    } catch (error) {
      setFailure(asApiError(error));
      organisation.refresh();
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className={styles.section} aria-label="Filing">
      <Text as="h2" size={500} weight="semibold">
        Filing
      </Text>
      {state.status === 'loading' && <Spinner size="tiny" label="Loading…" />}
      {state.status === 'failed' && <ProblemMessage error={state.error} onRetry={organisation.reload} />}
      {state.status === 'done' && (
        <>
          <Switch
            checked={state.data.autoFileThreads}
            disabled={saving}
            label="File replies with their thread when they are opened"
            onChange={(_, data) => void setAutoFile(data.checked)}
          />
          <Text size={200} className={styles.hint}>
            When someone opens a reply whose thread is filed already, Outlook and Gmail file it to the same
            records and offer Undo. Mail among colleagues is never filed this way.
          </Text>
        </>
      )}
      {failure && <ProblemMessage error={failure} />}
    </section>
  );
}
