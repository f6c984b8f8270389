import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  RECORD_TYPE_NAMES,
  type ApiError,
  type PipelineStage,
  type RecordOfType,
  type RecordType,
  type UpdateOfType,
} from '@inbox-crm/shared/client';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { fieldErrors } from './field-errors.js';
import { RecordFormFields } from './record-form-fields.js';
import { SaveProblem } from './save-problem.js';
import {
  changedFields,
  RECORD_FORMS,
  type Draft,
  type FieldErrors,
  type RecordFormSpec,
} from './record-fields.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props<T extends RecordType> {
  type: T;
  /** The record to edit, as the page shows it; without one the form creates a record. */
  record?: RecordOfType[T] | undefined;
  onClose: () => void;
  onSaved: (record: RecordOfType[T]) => void;
  /** Told when the form loaded a newer version after a lost race, so the page shows it too. */
  onLatest?: (record: RecordOfType[T]) => void;
}

/** The form in a ModalDialog. */
export function RecordFormDialog<T extends RecordType>(props: Props<T> & { open: boolean }) {
  const { open, ...form } = props;
  return (
    <ModalDialog open={open} onClose={form.onClose}>
      <RecordForm {...form} />
    </ModalDialog>
  );
}

/**
 * Creates a record, or edits one: only the fields changed are sent, with the version the record
 * was opened at. A save that lost a race says who changed the record and offers its latest version;
 * it never overwrites their change.
 */
function RecordForm<T extends RecordType>({ type, record, onClose, onSaved, onLatest }: Props<T>) {
  const styles = useStyles();
  const { api, user } = useServices();
  const spec = RECORD_FORMS[type] as RecordFormSpec<T>;
  const [opened, setOpened] = useState(record);
  const [draft, setDraft] = useState<Draft>(() => (record ? spec.draftOf(record) : spec.empty(user.id)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const people = useRequest('users', () => api.users());
  const teams = useRequest(type === 'case' ? 'teams' : 'no-teams', () =>
    type === 'case' ? api.teams() : Promise.resolve([]),
  );
  const stages = useRequest(type === 'opportunity' ? 'stages' : 'no-stages', () =>
    type === 'opportunity' ? api.pipelineStages() : Promise.resolve([] as PipelineStage[]),
  );
  const noun = RECORD_TYPE_NAMES[type].toLowerCase();
  const stale = failure?.code === 'stale_version';
  const placed = fieldErrors(failure);

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = opened ? changedFields(type, opened, draft) : spec.bodyOf(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      if (!opened) return onSaved(await api.createRecord(type, (checked as { body: never }).body));
      const changes = (checked as { changes: object }).changes;
      if (Object.keys(changes).length === 0) return onClose();
      onSaved(
        await api.updateRecord(type, opened.id, { version: opened.version, ...changes } as UpdateOfType[T]),
      );
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  }

  async function loadLatest() {
    if (!opened) return;
    try {
      const latest = await api.getRecord(type, opened.id);
      setOpened(latest);
      setDraft(spec.draftOf(latest));
      onLatest?.(latest);
      setFailure(null);
    } catch (error) {
      setFailure(asApiError(error));
    }
  }

  return (
    <form onSubmit={(event) => void save(event)}>
      <DialogBody>
        <DialogTitle>{opened ? `Edit ${noun}` : `New ${noun}`}</DialogTitle>
        <DialogContent className={styles.form}>
          <RecordFormFields
            fields={spec.fields}
            draft={draft}
            errors={{ ...placed, ...errors }}
            choices={{
              people: people.state.status === 'done' ? people.state.data.items : [],
              stages: stages.state.status === 'done' ? stages.state.data : [],
              teams: teams.state.status === 'done' ? teams.state.data : [],
            }}
            onChange={(key, value) => setDraft((current) => ({ ...current, [key]: value }))}
          />
          <SaveProblem
            error={failure}
            placed={Object.keys(placed).length > 0}
            onLoadLatest={() => void loadLatest()}
          />
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={busy || stale}>
            {busy ? <Spinner size="tiny" label="Saving…" /> : opened ? 'Save changes' : `Create ${noun}`}
          </Button>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
