import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import {
  consoleRecordPath,
  RECORD_TYPE_NAMES,
  type MergeableType,
  type RecordOfType,
  type RecordType,
} from '@inbox-crm/shared/client';
import { ConsoleLink, useNavigate } from '../console/console-link.js';
import { MergeDialog } from './merge-dialog.js';
import type { MergeRecords } from './merge-fields.js';
import { RecordName } from './record-name.js';

/** A merge asked for on a record page: with the other record a suggestion named, or one to pick. */
export interface MergeStart {
  otherId: string | null;
}

export interface MergeTarget {
  type: MergeableType;
  record: MergeRecords[MergeableType];
}

/** The record as a live contact or account, which can be merged; null for anything else. */
export function mergeTarget(type: RecordType, record: RecordOfType[RecordType]): MergeTarget | null {
  if ((type !== 'contact' && type !== 'account') || record.deletedAt !== null) return null;
  return { type, record: record as MergeRecords[typeof type] };
}

/** Where a record merged into another lives on, or null when it was not merged. */
export const mergedInto = (record: RecordOfType[RecordType]): string | null =>
  'mergedIntoId' in record ? record.mergedIntoId : null;

/**
 * The merge dialog on a record page. After a merge the page shows the record kept: this one,
 * updated, or the other record's page.
 */
export function RecordMergeDialog(props: {
  target: MergeTarget;
  start: MergeStart | null;
  onClose: () => void;
  onKeptHere: (kept: MergeRecords[MergeableType]) => void;
}) {
  const navigate = useNavigate();
  const { target } = props;
  return (
    <MergeDialog
      type={target.type}
      pageRecord={target.record}
      otherId={props.start?.otherId ?? null}
      open={props.start !== null}
      onClose={props.onClose}
      onMerged={(kept) => {
        if (kept.id === target.record.id) return props.onKeptHere(kept);
        props.onClose();
        navigate(consoleRecordPath({ type: target.type, id: kept.id }));
      }}
    />
  );
}

/** On a contact or account merged into another: where its mail and history are now. */
export function MergedNotice({ type, mergedIntoId }: { type: RecordType; mergedIntoId: string }) {
  const noun = RECORD_TYPE_NAMES[type].toLowerCase();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        This {noun} was merged into{' '}
        <ConsoleLink to={consoleRecordPath({ type, id: mergedIntoId })}>
          <RecordName record={{ type, id: mergedIntoId }} />
        </ConsoleLink>
        . Its mail, tasks and history are there now.
      </MessageBarBody>
    </MessageBar>
  );
}
