import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { mappingProblems, type Import } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { saveFile } from '../../ui/save-file.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ImportProgress } from './import-progress.js';
import { countsLine, isCsv } from './import-words.js';
import { RevertDialog } from './revert-dialog.js';
import { WORKING } from './use-import.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

function revertedLine(counts: NonNullable<Import['reverted']>): string {
  const parts = [
    `${plural(counts.deleted, 'record', 'records')} deleted`,
    ...(counts.restored > 0 ? [`${plural(counts.restored, 'record', 'records')} put back as they were`] : []),
    ...(counts.kept > 0
      ? [`${plural(counts.kept, 'record', 'records')} left as people changed or used them since`]
      : []),
  ];
  return `Reverted: ${parts.join(', ')}.`;
}

/** What can be done with the import now: check it, run it, follow it, cancel it, download what it refused, revert it. */
export function ImportActions({ item, onChange }: { item: Import; onChange: (item: Import) => void }) {
  const styles = useStyles();
  const { api } = useServices();
  const step = useSubmission({ reusable: true });
  const [reverting, setReverting] = useState(false);
  const ask = (name: 'preview' | 'start' | 'cancel') =>
    void step.submit(async () => onChange(await api.importStep(item.id, name)));
  const csv = isCsv(item);
  const ready =
    !csv ||
    mappingProblems(item.recordType, item.settings.mapping, item.columns.length, item.settings.mode)
      .length === 0;
  const run = item.result ? 'import' : 'preview';
  const refused = (item.result ?? item.preview)?.refuse ?? 0;

  return (
    <div className={styles.summary}>
      {WORKING.has(item.status) && <ImportProgress item={item} />}
      {item.status === 'previewed' && item.preview && (
        <Text weight="semibold">
          The dry run read {plural(item.rowsTotal ?? 0, 'row', 'rows')}: {countsLine(item.preview, 'preview')}
          . Nothing was saved.
        </Text>
      )}
      {item.result && !WORKING.has(item.status) && (
        <Text weight="semibold">
          {item.status === 'cancelled' ? 'Cancelled after' : 'Read'}{' '}
          {plural(
            item.result.create +
              item.result.update +
              item.result.unchanged +
              item.result.refuse +
              item.result.skip,
            csv ? 'row' : 'message',
            csv ? 'rows' : 'messages',
          )}
          : {countsLine(item.result, 'import', !csv)}.
        </Text>
      )}
      {item.reverted && <Text weight="semibold">{revertedLine(item.reverted)}</Text>}
      <div className={styles.buttons}>
        {(item.status === 'uploaded' || item.status === 'previewed') && (
          <>
            {csv && (
              <Button
                appearance={item.status === 'uploaded' ? 'primary' : 'secondary'}
                disabled={!ready || step.busy}
                onClick={() => ask('preview')}
              >
                {item.status === 'uploaded' ? 'Check the file (dry run)' : 'Check again'}
              </Button>
            )}
            <Button
              appearance={item.status === 'previewed' || !csv ? 'primary' : 'secondary'}
              disabled={!ready || step.busy}
              onClick={() => ask('start')}
            >
              {item.rowsTotal ? `Import ${plural(item.rowsTotal, 'row', 'rows')}` : 'Import now'}
            </Button>
          </>
        )}
        {(item.status === 'queued' || item.status === 'running') && (
          <Button disabled={step.busy || item.cancelRequested} onClick={() => ask('cancel')}>
            {item.cancelRequested ? 'Cancelling…' : 'Cancel the import'}
          </Button>
        )}
        {csv && refused > 0 && !WORKING.has(item.status) && item.status !== 'uploaded' && (
          <Button
            onClick={() =>
              void step.submit(async () =>
                saveFile(
                  await api.importErrors(item.id, run),
                  `${item.fileName.replace(/\.[^.]*$/, '')} - rows not imported.csv`,
                ),
              )
            }
          >
            Download the {plural(refused, 'refused row', 'refused rows')}
          </Button>
        )}
        {csv && (item.status === 'done' || item.status === 'cancelled' || item.status === 'failed') && (
          <Button onClick={() => setReverting(true)}>Revert this import…</Button>
        )}
        {step.busy && <Spinner size="tiny" label="One moment…" />}
      </div>
      {step.failure && <ProblemMessage error={step.failure} />}
      <RevertDialog
        item={item}
        open={reverting}
        onClose={() => setReverting(false)}
        onAsked={(next) => {
          setReverting(false);
          onChange(next);
        }}
      />
    </div>
  );
}
