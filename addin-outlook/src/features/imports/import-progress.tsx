import { Field, ProgressBar } from '@fluentui/react-components';
import type { Import } from '@inbox-crm/shared/client';

/** How far the worker is: a bar of rows done out of the rows the dry run counted, or a moving bar. */
export function ImportProgress({ item }: { item: Import }) {
  const checking = item.status === 'previewing';
  const total = checking ? null : item.rowsTotal;
  const done = item.rowsDone.toLocaleString();
  const label =
    item.status === 'reverting'
      ? 'Reverting the import…'
      : item.status === 'queued'
        ? 'Waiting for the worker to start…'
        : total
          ? `${checking ? 'Checked' : 'Imported'} ${done} of ${total.toLocaleString()} rows`
          : `${checking ? 'Checked' : 'Imported'} ${done} rows so far`;
  const value = total && item.status !== 'reverting' ? Math.min(1, item.rowsDone / total) : undefined;
  return (
    <Field label={label} validationState="none">
      <ProgressBar value={item.status === 'queued' ? 0 : value} thickness="large" aria-label={label} />
    </Field>
  );
}
