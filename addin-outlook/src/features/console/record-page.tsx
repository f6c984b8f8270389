import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useEffect, useState } from 'react';
import {
  RECORD_TYPE_NAMES,
  type ApiError,
  type Case,
  type Contact,
  type RecordOfType,
  type RecordRef,
} from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { InlineFields } from '../record-forms/inline-fields.js';
import { RecordFormDialog } from '../record-forms/record-form-dialog.js';
import { RecordTasks } from '../tasks/record-tasks.js';
import { DuplicateSuggestions } from '../merge/duplicate-suggestions.js';
import {
  MergedNotice,
  mergedInto,
  mergeTarget,
  RecordMergeDialog,
  type MergeStart,
} from '../merge/record-merge.js';
import { ConsentPanel } from '../consent/consent-panel.js';
import { ContactPrivacy } from '../privacy/contact-privacy.js';
import { useNavigate } from './console-link.js';
import { CONSOLE_PATHS } from './console-route.js';
import { CaseAnswer } from '../service-desk/case-answer.js';
import { SlaClocks } from '../service-desk/sla-clocks.js';
import { PlansPanel } from './plans-panel.js';
import { RecordSummary } from './record-summary.js';
import { RelatedRecords } from './related-records.js';
import { TimelinePanel } from './timeline-panel.js';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const titleOf = (record: RecordOfType[keyof RecordOfType]) =>
  'name' in record ? record.name : record.subject;

/**
 * An account, contact, opportunity or case with its whole linked correspondence; edited in a form
 * or field by field in place, deleted with an undo, restored from the trash.
 */
export function RecordPage({ record }: { record: RecordRef }) {
  const styles = useStyles();
  const { api, user } = useServices();
  const loaded = useRequest(`${record.type}:${record.id}`, () => api.getRecord(record.type, record.id));
  // Noted for "Recently viewed" on the home page; a view that fails to be noted is not worth a message.
  useEffect(() => {
    api.recordView(record).catch(() => undefined);
  }, [api, record.type, record.id]);
  const [editing, setEditing] = useState(false);
  const [justDeleted, setJustDeleted] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [merging, setMerging] = useState<MergeStart | null>(null);
  const navigate = useNavigate();
  // Bumped when the panels below must read again: a merge brought another record's tasks, links
  // and mail here, or an answer or note was just filed to this case.
  const [changes, setChanges] = useState(0);
  const state = loaded.state;
  if (state.status === 'loading') return <Spinner label="Loading the record…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={loaded.reload} />;
  const current = state.data;
  const noun = RECORD_TYPE_NAMES[record.type].toLowerCase();
  const show = (saved: RecordOfType[typeof record.type]) => loaded.update(() => saved);
  const target = mergeTarget(record.type, current);
  const mergedIntoId = mergedInto(current);

  async function setDeleted(deleted: boolean) {
    setFailure(null);
    try {
      show(
        await (deleted
          ? api.deleteRecord(record.type, record.id)
          : api.restoreRecord(record.type, record.id)),
      );
      setJustDeleted(deleted);
    } catch (error) {
      setFailure(asApiError(error));
    }
  }

  return (
    <>
      <header className={styles.header}>
        <div className={styles.title}>
          <Badge appearance="outline">{RECORD_TYPE_NAMES[record.type]}</Badge>
          <Text as="h1" block size={700} weight="semibold">
            {titleOf(current)}
          </Text>
        </div>
        {current.deletedAt === null && (
          <div className={styles.actions}>
            <Button onClick={() => setEditing(true)}>Edit</Button>
            <Button onClick={() => void setDeleted(true)}>Delete</Button>
            {target && <Button onClick={() => setMerging({ otherId: null })}>Merge…</Button>}
          </div>
        )}
      </header>
      {mergedIntoId && <MergedNotice type={record.type} mergedIntoId={mergedIntoId} />}
      {current.deletedAt !== null && !mergedIntoId && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {justDeleted
              ? `The ${noun} is deleted. Its mail and history are kept.`
              : `This ${noun} is deleted. Restore it to work with it again.`}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void setDeleted(false)}>{justDeleted ? 'Undo' : 'Restore'}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure && <ProblemMessage error={failure} />}
      <InlineFields type={record.type} record={current} onSaved={show} onStale={loaded.refresh} />
      <RecordSummary type={record.type} record={current} />
      {record.type === 'case' && <SlaClocks caseId={record.id} version={current.version} />}
      {target && (
        <DuplicateSuggestions
          type={target.type}
          record={target.record}
          onMerge={(otherId) => setMerging({ otherId })}
        />
      )}
      {record.type === 'case' && current.deletedAt === null && (
        <CaseAnswer
          supportCase={current as Case}
          onSent={() => {
            loaded.refresh();
            setChanges((count) => count + 1);
          }}
        />
      )}
      <Fragment key={changes}>
        {record.type === 'contact' && (
          <ConsentPanel contactId={record.id} emails={(current as Contact).emails} />
        )}
        {record.type === 'contact' && user.role === 'admin' && current.deletedAt === null && (
          <ContactPrivacy
            contactId={record.id}
            name={titleOf(current)}
            onForgotten={() => navigate(CONSOLE_PATHS.list('contacts'))}
          />
        )}
        <RecordTasks record={record} />
        <RelatedRecords record={record} />
        {(record.type === 'contact' || record.type === 'opportunity') && (
          <PlansPanel recordType={record.type} recordId={record.id} />
        )}
        <TimelinePanel record={record} />
      </Fragment>
      {target && (
        <RecordMergeDialog
          target={target}
          start={merging}
          onClose={() => setMerging(null)}
          onKeptHere={(kept) => {
            setMerging(null);
            show(kept);
            setChanges((count) => count + 1);
          }}
        />
      )}
      <RecordFormDialog
        type={record.type}
        record={current}
        open={editing}
        onClose={() => setEditing(false)}
        onLatest={show}
        onSaved={(saved) => {
          show(saved);
          setEditing(false);
        }}
      />
    </>
  );
}
