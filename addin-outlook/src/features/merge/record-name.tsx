import type { RecordRef } from '@inbox-crm/shared/client';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';

/** A record's name, read when shown. */
export function RecordName({ record }: { record: RecordRef }) {
  const { api } = useServices();
  const loaded = useRequest(`${record.type}:${record.id}`, () => api.getRecord(record.type, record.id));
  if (loaded.state.status !== 'done') return <>…</>;
  const data = loaded.state.data;
  return <>{'name' in data ? data.name : data.subject}</>;
}
