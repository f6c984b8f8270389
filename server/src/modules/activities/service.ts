import type { Knex } from 'knex';
import type {
  Activity,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
  RecordRef,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { canSeeActivity } from '../../db/visibility.js';
import { NotFound, Unprocessable } from '../../errors.js';
import type { RecordService } from '../../http/record-routes.js';
import {
  createRecord,
  getRecord,
  setRecordDeleted,
  updateRecord,
  type RecordKind,
} from '../records/lifecycle.js';
import { checkReferences, type Reference } from '../records/references.js';
import { moveLinksInTime, replaceLinks } from './links-repository.js';
import * as activities from './repository.js';

export const activityKind: RecordKind<Activity> = {
  table: 'activities',
  entity: 'activity',
  label: 'Activity',
  load: activities.loadActivity,
  guard: async (db, actor, activity) => {
    if (!(await canSeeActivity(db, actor, activity))) throw new NotFound('Activity');
  },
};

/** The records links point at, checked like any other reference. */
export function linkReferences(links: readonly RecordRef[]): Reference[] {
  return links.map((link, index) => ({ field: `links/${index}`, type: link.type, id: link.id }));
}

function createActivity(db: Knex, actor: Actor, input: ActivityCreate): Promise<Activity> {
  const occurredAt = input.occurredAt ?? new Date().toISOString();
  return createRecord(db, actor, activityKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, linkReferences(input.links));
    await activities.insertActivity(trx, actor.orgId, id, {
      type: input.type,
      subject: input.subject?.trim() ?? '',
      body: input.body ?? null,
      snippet: activities.snippetOf(input.body),
      occurred_at: occurredAt,
      duration_minutes: input.durationMinutes ?? null,
      outcome: input.outcome ?? null,
      direction: input.direction ?? null,
      owner_id: actor.userId,
      private: input.private ?? false,
    });
    await replaceLinks(
      trx,
      { orgId: actor.orgId, activityId: id, activityType: input.type, occurredAt, userId: actor.userId },
      input.links,
    );
  });
}

function updateActivity(db: Knex, actor: Actor, id: string, input: ActivityUpdate): Promise<Activity> {
  return updateRecord(db, actor, activityKind, id, input.version, async (trx, before) => {
    if (before.type === 'email') {
      throw new Unprocessable(
        'filed_email',
        'A filed email is changed through /emails: link or unlink records there.',
      );
    }
    if (input.links) await checkReferences(trx, actor.orgId, linkReferences(input.links));
    const columns: activities.ActivityColumns = {};
    if (input.subject !== undefined) columns.subject = input.subject.trim();
    if (input.body !== undefined)
      Object.assign(columns, { body: input.body, snippet: activities.snippetOf(input.body) });
    if (input.occurredAt !== undefined) columns.occurred_at = input.occurredAt;
    if (input.durationMinutes !== undefined) columns.duration_minutes = input.durationMinutes;
    if (input.outcome !== undefined) columns.outcome = input.outcome;
    if (input.direction !== undefined) columns.direction = input.direction;
    if (input.private !== undefined) columns.private = input.private;
    await activities.updateActivityColumns(trx, actor.orgId, id, columns);
    const occurredAt = input.occurredAt ?? before.occurredAt;
    if (input.links) {
      await replaceLinks(
        trx,
        { orgId: actor.orgId, activityId: id, activityType: before.type, occurredAt, userId: actor.userId },
        input.links,
      );
    } else if (input.occurredAt !== undefined) {
      await moveLinksInTime(trx, actor.orgId, id, input.occurredAt);
    }
  });
}

export const activitiesService: RecordService<Activity, ActivityCreate, ActivityUpdate, ActivityListQuery> = {
  list: (db, actor, query) => activities.listActivities(db, actor, query),
  get: (db, actor, id) => getRecord(db, actor, activityKind, id),
  create: createActivity,
  update: updateActivity,
  remove: (db, actor, id) => setRecordDeleted(db, actor, activityKind, id, true),
  restore: (db, actor, id) => setRecordDeleted(db, actor, activityKind, id, false),
};
