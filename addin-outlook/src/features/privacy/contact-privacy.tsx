import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ProblemMessage } from '../../ui/problem-message.js';
import { saveFile } from '../../ui/save-file.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ForgetDialog } from './forget-dialog.js';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const today = () => new Date().toISOString().slice(0, 10);

/** An admin's answers to a person's privacy requests, on their contact page: their data, or forgetting them. */
export function ContactPrivacy(props: { contactId: string; name: string; onForgotten: () => void }) {
  const styles = useStyles();
  const { api } = useServices();
  const download = useSubmission({ reusable: true });
  const [forgetting, setForgetting] = useState(false);
  return (
    <Section title="Privacy requests">
      <Text>When {props.name} asks what you hold about them, or to be forgotten. Only admins see this.</Text>
      <div className={styles.actions}>
        <Button
          disabled={download.busy}
          onClick={() =>
            void download.submit(async () => {
              saveFile(
                await api.subjectAccess({ contactId: props.contactId }),
                `subject-access-${today()}.zip`,
              );
            })
          }
        >
          {download.busy ? (
            <Spinner size="tiny" label="Gathering their data…" />
          ) : (
            'Download everything about them'
          )}
        </Button>
        <Button onClick={() => setForgetting(true)}>Forget {props.name}…</Button>
      </div>
      {download.failure && <ProblemMessage error={download.failure} />}
      <ForgetDialog
        open={forgetting}
        who={props.name}
        request={{ contactId: props.contactId }}
        onClose={() => setForgetting(false)}
        onDone={props.onForgotten}
      />
    </Section>
  );
}
