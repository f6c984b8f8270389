import { Button, Spinner, Text } from '@fluentui/react-components';
import { ProblemMessage } from '../../ui/problem-message.js';
import { saveFile } from '../../ui/save-file.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';

/** The whole organisation as one ZIP: what leaving the product, or keeping a copy, takes. */
export function ExportSection() {
  const { api } = useServices();
  const download = useSubmission({ reusable: true });
  return (
    <Section title="Export everything">
      <Text>
        Every record, email, attachment, task, rule and log entry of your organisation as one ZIP: each table
        as a spreadsheet (CSV) and as JSON Lines, with a README of the columns. Passwords and tokens are left
        out.
      </Text>
      <div>
        <Button
          disabled={download.busy}
          onClick={() =>
            void download.submit(async () => {
              saveFile(
                await api.exportOrganisation(),
                `inbox-crm-export-${new Date().toISOString().slice(0, 10)}.zip`,
              );
            })
          }
        >
          {download.busy ? <Spinner size="tiny" label="Preparing the export…" /> : 'Download the export'}
        </Button>
      </div>
      {download.failure && <ProblemMessage error={download.failure} />}
    </Section>
  );
}
