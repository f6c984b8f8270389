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
import {
  changedColumns,
  checkReferences,
  createRecord,
  type RecordKind,
  recordService,
  type Reference,
  updateRecord,
} from '../records/index.js';
import { refreshLinks, replaceLinks } from './links-repository.js';
import * as activities from './repository.js';

export const activityKind: RecordKind<Activity> = {
  table: 'activities',
  entity: 'activity',
  label: 'Activity',
  load: activities.loadActivity,
  guard: async (db, actor, activity) => {
    if (!(await canSeeActivity(db, actor, activity))) throw new NotFound('Activity');
  },
  afterWrite: refreshLinks,
};

/** The records links point at, checked like any other reference. */
export function linkReferences(links: readonly RecordRef[]): Reference[] {
  return links.map((link, index) => ({ field: `links/${index}`, type: link.type, id: link.id }));
}

const COLUMNS = {
  occurredAt: 'occurred_at',
  durationMinutes: 'duration_minutes',
  outcome: 'outcome',
  direction: 'direction',
  private: 'private',
} as const;

function createActivity(db: Knex, actor: Actor, input: ActivityCreate): Promise<Activity> {
  return createRecord(db, actor, activityKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, linkReferences(input.links));
    await activities.insertActivity(trx, actor.orgId, id, {
      ...changedColumns(input, COLUMNS),
      type: input.type,
      subject: input.subject?.trim() ?? '',
      body: input.body ?? null,
      snippet: activities.snippetOf(input.body),
      occurred_at: input.occurredAt ?? new Date().toISOString(),
      owner_id: actor.userId,
    });
    await replaceLinks(trx, { orgId: actor.orgId, activityId: id, userId: actor.userId }, input.links);
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
    await activities.updateActivityColumns(trx, actor.orgId, id, {
      ...changedColumns(input, COLUMNS),
      ...(input.subject !== undefined ? { subject: input.subject.trim() } : {}),
      ...(input.body !== undefined ? { body: input.body, snippet: activities.snippetOf(input.body) } : {}),
    });
    if (input.links) {
      await replaceLinks(trx, { orgId: actor.orgId, activityId: id, userId: actor.userId }, input.links);
    }
  });
}

export const activitiesService = recordService<Activity, ActivityCreate, ActivityUpdate, ActivityListQuery>(
  activityKind,
  {
    list: (db, actor, query) => activities.listActivities(db, actor, query),
    create: createActivity,
    update: updateActivity,
  },
);
