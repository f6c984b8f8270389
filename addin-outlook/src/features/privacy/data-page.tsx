import { Button, Field, Input, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ProblemMessage } from '../../ui/problem-message.js';
import { saveFile } from '../../ui/save-file.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { ExportSection } from './export-section.js';
import { ForgetDialog } from './forget-dialog.js';
import { FormTokensPanel } from './form-tokens-panel.js';
import { RetentionSettings } from './retention-settings.js';
import { SuppressionPanel } from './suppression-panel.js';

const today = () => new Date().toISOString().slice(0, 10);

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  address: { flexGrow: 1, minWidth: '12rem', maxWidth: '24rem' },
});

/** Data and privacy, for admins: export everything, a person's data or their erasure by address, the suppression list. */
export function DataPage() {
  const styles = useStyles();
  const [address, setAddress] = useState('');
  const [forgetting, setForgetting] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const { api } = useServices();
  const download = useSubmission({ reusable: true });
  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Data and privacy
      </Text>
      <Section title="Bring data in">
        <Text>
          Accounts, contacts, deals, cases, notes and calls from CSV files, checked row by row before anything
          is saved, and revertible afterwards:{' '}
          <ConsoleLink to={CONSOLE_PATHS.imports()}>import data</ConsoleLink>.
        </Text>
      </Section>
      <ExportSection />
      <Section title="A person’s requests">
        <Text>
          What you hold about someone, or forgetting them, by their address: for people the CRM may know only
          from filed mail. A contact’s own page has the same two buttons.
        </Text>
        <form
          className={styles.row}
          onSubmit={(event) => {
            event.preventDefault();
            void download.submit(async () => {
              saveFile(await api.subjectAccess({ email: address.trim() }), `subject-access-${today()}.zip`);
            });
          }}
        >
          <Field label="Their address" className={styles.address}>
            <Input type="email" value={address} onChange={(_, data) => setAddress(data.value)} />
          </Field>
          <Button type="submit" disabled={address.trim() === '' || download.busy}>
            {download.busy ? (
              <Spinner size="tiny" label="Gathering their data…" />
            ) : (
              'Download everything about them'
            )}
          </Button>
          <Button disabled={address.trim() === ''} onClick={() => setForgetting(address.trim())}>
            Forget…
          </Button>
        </form>
        {download.failure && <ProblemMessage error={download.failure} />}
      </Section>
      <SuppressionPanel changes={changes} />
      <FormTokensPanel />
      <RetentionSettings />
      {forgetting && (
        <ForgetDialog
          open
          who={forgetting}
          request={{ email: forgetting }}
          onClose={() => setForgetting(null)}
          onDone={() => {
            setForgetting(null);
            setAddress('');
            setChanges((count) => count + 1);
          }}
        />
      )}
    </>
  );
}
