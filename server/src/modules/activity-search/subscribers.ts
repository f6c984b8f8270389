import type { Subscriber } from '../../events/event-bus.js';
import { indexActivities, indexNewEmail } from './index-repository.js';

// The index follows every write in the writer's transaction: an email is found as soon as its
// filing commits, and a deleted or unfiled one is gone as soon as that commits.

/** A filing (first, again to more records, or bringing a deleted email back). A first one is indexed from what it stored. */
export const indexOnEmailFiled: Subscriber<'email.filed'> = (trx, event) =>
  event.stored
    ? indexNewEmail(trx, event.actor.orgId, {
        id: event.email.id,
        ...event.stored,
        links: event.addedLinks,
        filers: event.actor.userId === null ? [] : [event.actor.userId],
      })
    : indexActivities(trx, event.actor.orgId, [event.email.id]);

/** A call, meeting or note written, or any activity deleted or restored. */
export const indexOnRecordWritten: Subscriber<'record.written'> = async (trx, event) => {
  if (event.entity === 'activity') await indexActivities(trx, event.actor.orgId, [event.after.id]);
};

/** Activities unfiled from a record, or moved to another by a merge. */
export const indexOnActivitiesRelinked: Subscriber<'activities.relinked'> = (trx, event) =>
  indexActivities(trx, event.orgId, event.activityIds);
