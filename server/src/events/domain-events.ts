import type { RecordRef } from '@inbox-crm/shared';
import type { Actor, AuditActor } from '../actor.js';

/** A record as a write hands it on: what the API shows of it, with its id, version and trash state. */
export type WrittenRecord = { id: string; version: number; deletedAt: string | null };

/** The audit log's name for each record type. */
export type RecordEntity = 'account' | 'contact' | 'opportunity' | 'case' | 'activity' | 'task';

/**
 * A record was created, updated, deleted (to the trash), restored, or merged into another (it is
 * then in the trash, pointing at the record it lives on in).
 */
export interface RecordWritten {
  type: 'record.written';
  actor: AuditActor;
  entity: RecordEntity;
  action: 'create' | 'update' | 'delete' | 'restore' | 'merge';
  before: WrittenRecord | null;
  after: WrittenRecord;
}

/** An opportunity moved from one pipeline stage to another. */
export interface OpportunityStageChanged {
  type: 'opportunity.stage_changed';
  actor: AuditActor;
  opportunityId: string;
  fromStageId: string;
  toStageId: string;
}

/** A case's status changed (e.g. new → in progress → resolved). */
export interface CaseStatusChanged {
  type: 'case.status_changed';
  actor: AuditActor;
  caseId: string;
  from: string;
  to: string;
}

/** A task was marked done. */
export interface TaskCompleted {
  type: 'task.completed';
  actor: AuditActor;
  taskId: string;
}

/** A task marked done was opened again. */
export interface TaskReopened {
  type: 'task.reopened';
  actor: AuditActor;
  taskId: string;
}

/** An email was filed (first filed, or filed again to more records). */
export interface EmailFiled {
  type: 'email.filed';
  /** A person filing, or a support mailbox bringing the message in. */
  actor: AuditActor;
  email: {
    id: string;
    /** First filed now (not a re-filing). */
    created: boolean;
    /** What makes it one email per organisation: its Message-ID, or a key derived from the message. */
    messageKey: string;
    subject: string;
    /** Normalized. */
    fromEmail: string;
    sentAt: Date;
    /** The client that filed it ('outlook', 'gmail', …) and the shared mailbox it was read in, if any. */
    source: string;
    mailbox: string | null;
  };
  /** The records this filing newly linked the email to. */
  addedLinks: readonly RecordRef[];
  /** What a first filing stored, so subscribers need not read it back; absent on a re-filing. */
  stored?: {
    subject: string;
    occurredAt: Date;
    ownerId: string | null;
    private: boolean;
    bodyText: string | null;
    /** The sender, then the To and Cc, as stored (addresses normalized). */
    participants: readonly { email: string; name: string | null }[];
    attachmentNames: readonly string[];
  };
}

/**
 * Activities were unfiled from a record, moved from one record to another (a merge), or had their
 * text taken out (an erasure, the retention sweep): their search rows are written again.
 */
export interface ActivitiesRelinked {
  type: 'activities.relinked';
  orgId: string;
  activityIds: readonly string[];
}

/** A person's account was changed by an admin. */
export interface UserUpdated {
  type: 'user.updated';
  actor: Actor;
  userId: string;
  /** Switched off by this change. */
  deactivated: boolean;
  passwordChanged: boolean;
}

/** Every event a module may publish; docs/architecture.md lists who publishes and who listens. */
export type DomainEvent =
  | RecordWritten
  | OpportunityStageChanged
  | CaseStatusChanged
  | TaskCompleted
  | TaskReopened
  | EmailFiled
  | ActivitiesRelinked
  | UserUpdated;

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
