import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { IMPORT_STATUS_WORDS, type ImportSettingsChange } from '@inbox-crm/shared/client';
import { formatMoment, metaLine } from '../../ui/format.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { ColumnMapping } from './column-mapping.js';
import { FileReading } from './file-reading.js';
import { ImportActions } from './import-actions.js';
import { fileSize, isCsv, typeName } from './import-words.js';
import { RowOutcomes } from './row-outcomes.js';
import { useImport } from './use-import.js';

const useStyles = makeStyles({
  heading: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
});

/** One import from upload to result: how the file reads, its mapping, the dry run, the run and its revert. */
export function ImportPage({ id }: { id: string }) {
  const styles = useStyles();
  const { api } = useServices();
  const { state, reload, replace } = useImport(id);
  const change = useSubmission({ reusable: true });
  if (state.status === 'loading') return <Spinner label="Loading the import…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={reload} />;
  const item = state.data;
  const editable = isCsv(item) && (item.status === 'uploaded' || item.status === 'previewed');
  const save = (settings: ImportSettingsChange) =>
    void change.submit(async () => replace(await api.changeImport(item.id, settings)));

  return (
    <>
      <header className={styles.heading}>
        <ConsoleLink to={CONSOLE_PATHS.imports()}>All imports</ConsoleLink>
        <Text as="h1" size={600} weight="semibold">
          {item.fileName}
        </Text>
        <Text>
          {metaLine(
            typeName(item),
            fileSize(item.fileBytes),
            `uploaded ${formatMoment(item.createdAt)}${item.createdBy ? ` by ${item.createdBy.name}` : ''}`,
          )}
        </Text>
        <Text role="status" size={400} weight="semibold">
          {IMPORT_STATUS_WORDS[item.status]}
        </Text>
      </header>
      {item.failure && (
        <MessageBar intent="warning">
          <MessageBarBody>{item.failure}</MessageBarBody>
        </MessageBar>
      )}
      {change.failure && <ProblemMessage error={change.failure} />}
      {editable && isCsv(item) && (
        <>
          <FileReading item={item} disabled={change.busy} onChange={save} />
          <ColumnMapping item={item} disabled={change.busy} onChange={(mapping) => save({ mapping })} />
        </>
      )}
      {!isCsv(item) && item.status === 'uploaded' && (
        <Text>
          Each message is filed to the contacts its people are, and their accounts, or to the account of their
          address’s domain; a message filed before is not filed again, and one that matches nobody is skipped.
        </Text>
      )}
      <ImportActions item={item} onChange={replace} />
      {item.status === 'previewed' && item.preview && (
        <RowOutcomes item={item} run="preview" counts={item.preview} />
      )}
      {item.result && !['queued', 'running'].includes(item.status) && (
        <RowOutcomes item={item} run="import" counts={item.result} />
      )}
    </>
  );
}
