import { Field, Input, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  CASE_STATUS_NAMES,
  PRIORITY_NAMES,
  type ApiError,
  type PipelineStage,
  type RecordOfType,
  type RecordType,
  type UpdateOfType,
} from '@inbox-crm/shared/client';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { SaveProblem } from './save-problem.js';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  field: { minWidth: '9rem', maxWidth: '100%' },
});

type Editable = 'ownerId' | 'stageId' | 'status' | 'priority' | 'closeDate';

/** The fields a record page lets one change in place, by record type. */
const INLINE: Record<RecordType, Editable[]> = {
  account: ['ownerId'],
  contact: ['ownerId'],
  opportunity: ['stageId', 'closeDate', 'ownerId'],
  case: ['status', 'priority', 'ownerId'],
};

const LABELS: Record<Editable, string> = {
  ownerId: 'Owner',
  stageId: 'Stage',
  status: 'Status',
  priority: 'Priority',
  closeDate: 'Close date',
};

/**
 * The common fields of a record, each changed where it is shown: picking a value saves it at
 * once with the version the page holds. A change someone made meanwhile is never overwritten.
 */
export function InlineFields<T extends RecordType>(props: {
  type: T;
  record: RecordOfType[T];
  onSaved: (record: RecordOfType[T]) => void;
  onStale: () => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const { type, record } = props;
  const [saving, setSaving] = useState<Editable | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const people = useRequest('users', () => api.users());
  const stages = useRequest(type === 'opportunity' ? 'stages' : 'no-stages', () =>
    type === 'opportunity' ? api.pipelineStages() : Promise.resolve([] as PipelineStage[]),
  );
  const values = record as unknown as Record<Editable, string | null>;
  const disabled = saving !== null || record.deletedAt !== null;

  async function change(field: Editable, value: string) {
    setSaving(field);
    setFailure(null);
    try {
      const body = { version: record.version, [field]: value === '' ? null : value } as UpdateOfType[T];
      props.onSaved(await api.updateRecord(type, record.id, body));
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setSaving(null);
    }
  }

  const options = (field: Editable): [string, string][] => {
    switch (field) {
      case 'ownerId':
        return [
          ['', 'Nobody'],
          ...(people.state.status === 'done' ? people.state.data.items : []).map(
            (person): [string, string] => [person.id, person.name],
          ),
        ];
      case 'stageId':
        return (stages.state.status === 'done' ? stages.state.data : []).map((stage): [string, string] => [
          stage.id,
          stage.name,
        ]);
      case 'status':
        return Object.entries(CASE_STATUS_NAMES);
      default:
        return Object.entries(PRIORITY_NAMES);
    }
  };

  return (
    <>
      <div className={styles.row} role="group" aria-label="Change in place">
        {INLINE[type].map((field) => (
          <Field
            key={field}
            label={LABELS[field]}
            className={styles.field}
            {...(saving === field ? { hint: <Spinner size="extra-tiny" label="Saving…" /> } : {})}
          >
            {field === 'closeDate' ? (
              <Input
                type="date"
                value={values.closeDate ?? ''}
                disabled={disabled}
                onChange={(_, data) => void change(field, data.value)}
              />
            ) : (
              <Select
                value={values[field] ?? ''}
                disabled={disabled}
                onChange={(_, data) => void change(field, data.value)}
              >
                {options(field).map(([value, name]) => (
                  <option key={value} value={value}>
                    {name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ))}
      </div>
      <SaveProblem
        error={failure}
        loadLabel="Load the latest"
        onLoadLatest={() => {
          setFailure(null);
          props.onStale();
        }}
      />
    </>
  );
}
