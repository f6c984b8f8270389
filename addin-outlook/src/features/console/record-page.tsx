import { Badge, Spinner, Text } from '@fluentui/react-components';
import { RECORD_TYPE_NAMES, type RecordOfType, type RecordRef } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { PlansPanel } from './plans-panel.js';
import { RecordSummary } from './record-summary.js';
import { RelatedRecords } from './related-records.js';
import { TimelinePanel } from './timeline-panel.js';

const titleOf = (record: RecordOfType[keyof RecordOfType]) =>
  'name' in record ? record.name : record.subject;

/** An account, contact, opportunity or case with its whole linked correspondence. */
export function RecordPage({ record }: { record: RecordRef }) {
  const { api } = useServices();
  const loaded = useRequest(`${record.type}:${record.id}`, () => api.getRecord(record.type, record.id));
  const state = loaded.state;
  if (state.status === 'loading') return <Spinner label="Loading the record…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={loaded.reload} />;
  return (
    <>
      <header>
        <Badge appearance="outline">{RECORD_TYPE_NAMES[record.type]}</Badge>
        <Text as="h1" block size={700} weight="semibold">
          {titleOf(state.data)}
        </Text>
        {state.data.deletedAt && <Badge color="danger">Deleted</Badge>}
      </header>
      <RecordSummary type={record.type} record={state.data} />
      <RelatedRecords record={record} />
      {(record.type === 'contact' || record.type === 'opportunity') && (
        <PlansPanel recordType={record.type} recordId={record.id} />
      )}
      <TimelinePanel record={record} />
    </>
  );
}
