import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  RECORD_TYPE_NAMES,
  type ApiError,
  type MergeableType,
  type MergeField,
  type MergePreviewOf,
  type MergeRequestOf,
} from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { formatDay } from '../../ui/format.js';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { RecordPicker } from '../record-forms/record-picker.js';
import { SaveProblem } from '../record-forms/save-problem.js';
import { MERGE_FIELD_ROWS, pooledValues, sameValue, type MergeRecords } from './merge-fields.js';
import { moveWords } from './move-words.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  value: { overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Which of the two records: the one whose page this is, or the other. */
type Side = 'page' | 'other';

interface Props<T extends MergeableType> {
  type: T;
  /** The record whose page the dialog opened on. */
  pageRecord: MergeRecords[T];
  /** The other record, when a suggestion named it; otherwise the dialog asks for it first. */
  otherId: string | null;
  onClose: () => void;
  /** Told the record that was kept (it may be the other one). */
  onMerged: (kept: MergeRecords[T]) => void;
}

/** The merge form in a ModalDialog. */
export function MergeDialog<T extends MergeableType>(props: Props<T> & { open: boolean }) {
  const { open, ...form } = props;
  return (
    <ModalDialog open={open} onClose={form.onClose}>
      <MergeForm key={form.otherId ?? 'pick'} {...form} />
    </ModalDialog>
  );
}

/**
 * Two contacts (or accounts) into one: which to keep, each differing field's value from either,
 * what moves over, then one merge. A record changed meanwhile is refused by name and read again.
 */
function MergeForm<T extends MergeableType>({
  type,
  pageRecord,
  otherId: suggested,
  onClose,
  onMerged,
}: Props<T>) {
  const styles = useStyles();
  const { api } = useServices();
  const [otherId, setOtherId] = useState(suggested);
  const [keep, setKeep] = useState<Side>('page');
  const [picked, setPicked] = useState<Partial<Record<MergeField<T>, Side>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const noun = RECORD_TYPE_NAMES[type].toLowerCase();
  const people = useRequest('users', () => api.users());

  const keptId = keep === 'page' ? pageRecord.id : otherId;
  const duplicateId = keep === 'page' ? otherId : pageRecord.id;
  const preview = useRequest(`merge:${keptId}:${duplicateId}`, () =>
    keptId && duplicateId
      ? api.mergePreview(type, keptId, duplicateId)
      : Promise.resolve(null as MergePreviewOf<MergeRecords[T]> | null),
  );

  const title = <DialogTitle>{`Merge two ${noun}s`}</DialogTitle>;
  const cancel = (
    <Button onClick={onClose} disabled={busy}>
      Cancel
    </Button>
  );

  if (!otherId) {
    return (
      <DialogBody>
        {title}
        <DialogContent className={styles.form}>
          <Field label={`Which ${noun} is ${pageRecord.name} entered twice?`}>
            <RecordPicker
              type={type}
              value=""
              onChange={(id) =>
                id === pageRecord.id ? setFailure(sameRecord(noun)) : setOtherId(id || null)
              }
            />
          </Field>
          {failure && <ProblemMessage error={failure} />}
        </DialogContent>
        <DialogActions>{cancel}</DialogActions>
      </DialogBody>
    );
  }

  const state = preview.state;
  if (state.status !== 'done' || !state.data) {
    return (
      <DialogBody>
        {title}
        <DialogContent>
          {state.status === 'failed' ? (
            <ProblemMessage error={state.error} onRetry={preview.reload} />
          ) : (
            <Spinner label="Comparing the two…" />
          )}
        </DialogContent>
        <DialogActions>{cancel}</DialogActions>
      </DialogBody>
    );
  }

  const { record: kept, duplicate, moves } = state.data;
  const bySide: Record<Side, MergeRecords[T]> =
    keep === 'page' ? { page: kept, other: duplicate } : { page: duplicate, other: kept };
  const rows = MERGE_FIELD_ROWS[type].filter((row) => !sameValue(row.field, kept, duplicate));
  const everyone = people.state.status === 'done' ? people.state.data.items : [];
  // A field the kept record leaves empty takes the other's value unless the person says otherwise.
  const sideOf = (field: MergeField<T>): Side => {
    const chosen = picked[field];
    if (chosen) return chosen;
    const row = MERGE_FIELD_ROWS[type].find((candidate) => candidate.field === field)!;
    const keptSide = keep;
    const otherSide: Side = keep === 'page' ? 'other' : 'page';
    return row.show(bySide[keptSide], everyone) === null && row.show(bySide[otherSide], everyone) !== null
      ? otherSide
      : keptSide;
  };
  const shown = (record: MergeRecords[T], row: (typeof rows)[number]) =>
    row.show(record, everyone) ?? <span className={styles.empty}>Not set</span>;
  const moved = moveWords(moves);

  async function merge(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    const duplicateSide: Side = keep === 'page' ? 'other' : 'page';
    try {
      const result = await api.mergeRecords(type, kept.id, {
        version: kept.version,
        duplicateId: duplicate.id,
        duplicateVersion: duplicate.version,
        takeFromDuplicate: MERGE_FIELD_ROWS[type]
          .filter((row) => !sameValue(row.field, kept, duplicate) && sideOf(row.field) === duplicateSide)
          .map((row) => row.field),
      } as MergeRequestOf<T>);
      onMerged(result.record as MergeRecords[T]);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void merge(event)}>
      <DialogBody>
        {title}
        <DialogContent className={styles.form}>
          <Text>
            Everything filed to either {noun} ends up on the one you keep. The other goes to the trash and
            points to it, so links to it still work.
          </Text>
          <Field label={`Keep this ${noun}`}>
            <RadioGroup value={keep} onChange={(_, data) => setKeep(data.value as Side)}>
              {(['page', 'other'] as const).map((side) => (
                <Radio
                  key={side}
                  value={side}
                  label={<span className={styles.value}>{keepLabel(bySide[side])}</span>}
                />
              ))}
            </RadioGroup>
          </Field>
          {rows.map((row) => (
            <Field key={row.field} label={row.label}>
              <RadioGroup
                value={sideOf(row.field)}
                onChange={(_, data) =>
                  setPicked((current) => ({ ...current, [row.field]: data.value as Side }))
                }
              >
                {(['page', 'other'] as const).map((side) => (
                  <Radio
                    key={side}
                    value={side}
                    label={<span className={styles.value}>{shown(bySide[side], row)}</span>}
                  />
                ))}
              </RadioGroup>
            </Field>
          ))}
          {pooledValues(type, kept, duplicate)
            .filter(([, values]) => values.length > 0)
            .map(([label, values]) => (
              <Field key={label} label={`${label} (both kept)`}>
                <Text className={styles.value}>{values.join(', ')}</Text>
              </Field>
            ))}
          <Field label={`Moves to the ${noun} you keep`}>
            {moved.length === 0 ? (
              <Text>Nothing else is filed to the other {noun}.</Text>
            ) : (
              <ul className={styles.list}>
                {moved.map((words) => (
                  <li key={words}>{words}</li>
                ))}
              </ul>
            )}
          </Field>
          <SaveProblem
            error={failure}
            loadLabel="Compare again"
            onLoadLatest={() => {
              setFailure(null);
              preview.reload();
            }}
          />
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={busy || failure?.code === 'stale_version'}>
            {busy ? <Spinner size="tiny" label="Merging…" /> : `Merge into ${kept.name}`}
          </Button>
          {cancel}
        </DialogActions>
      </DialogBody>
    </form>
  );
}

/** Tells twins apart: "Priya Raman, priya@harbourside.example, added Dec 3, 2026". */
function keepLabel(record: MergeRecords[MergeableType]): string {
  const detail = 'emails' in record ? record.emails[0] : record.domains[0];
  return [record.name, detail, `added ${formatDay(record.createdAt)}`].filter(Boolean).join(', ');
}

const sameRecord = (noun: string) =>
  asApiError(new Error(`That is this ${noun}. Pick the other ${noun} that is the same customer.`));
