import { Spinner, Text } from '@fluentui/react-components';
import { IMPORT_STATUS_WORDS, type ImportRecordType } from '@inbox-crm/shared/client';
import { formatMoment, metaLine } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { LoadMore } from '../../ui/load-more.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { usePagedList } from '../../ui/use-paged-list.js';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { countsLine, typeName } from './import-words.js';
import { UploadForm } from './upload-form.js';

/** Importing, for admins and managers: a new file, and the imports made before (to follow, download or revert). */
export function ImportsPage({ recordType }: { recordType: ImportRecordType | null }) {
  const lists = useListStyles();
  const { api } = useServices();
  const earlier = usePagedList('imports', (cursor) => api.imports(cursor ? { cursor } : {}));
  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        Import data
      </Text>
      <Section title="Import a file">
        <UploadForm recordType={recordType} />
      </Section>
      <Section
        title="Earlier imports"
        isEmpty={earlier.state.status === 'done' && earlier.items.length === 0}
        empty="No imports yet."
      >
        {earlier.state.status === 'loading' && <Spinner size="tiny" label="Loading imports…" />}
        {earlier.state.status === 'failed' && (
          <ProblemMessage error={earlier.state.error} onRetry={earlier.reload} />
        )}
        <ul className={lists.list} aria-label="Earlier imports">
          {earlier.items.map((item) => (
            <li key={item.id} className={lists.entry}>
              <ConsoleLink to={CONSOLE_PATHS.import(item.id)}>{item.fileName}</ConsoleLink>
              <Text className={lists.meta}>
                {metaLine(
                  typeName(item),
                  IMPORT_STATUS_WORDS[item.status],
                  item.result && countsLine(item.result, 'import', item.recordType === 'email'),
                  `${formatMoment(item.createdAt)}${item.createdBy ? ` by ${item.createdBy.name}` : ''}`,
                )}
              </Text>
            </li>
          ))}
        </ul>
        <LoadMore list={earlier} />
      </Section>
    </>
  );
}
