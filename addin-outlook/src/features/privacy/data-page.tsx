import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Section } from '../../ui/section.js';
import { ExportSection } from './export-section.js';
import { ForgetDialog } from './forget-dialog.js';
import { SuppressionPanel } from './suppression-panel.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  address: { flexGrow: 1, minWidth: '12rem', maxWidth: '24rem' },
});

/** Data and privacy, for admins: export everything, forget a person by address, the suppression list. */
export function DataPage() {
  const styles = useStyles();
  const [address, setAddress] = useState('');
  const [forgetting, setForgetting] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Data and privacy
      </Text>
      <ExportSection />
      <Section title="Forget a person">
        <Text>
          For someone the CRM may hold only as an address on filed mail. A contact is forgotten from their own
          page, with everything about them.
        </Text>
        <form
          className={styles.row}
          onSubmit={(event) => {
            event.preventDefault();
            setForgetting(address.trim());
          }}
        >
          <Field label="Their address" className={styles.address}>
            <Input type="email" value={address} onChange={(_, data) => setAddress(data.value)} />
          </Field>
          <Button type="submit" disabled={address.trim() === ''}>
            Forget…
          </Button>
        </form>
      </Section>
      <SuppressionPanel changes={changes} />
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
