import { normalizeEmail, type ErasureRequest, type ErasureResult } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { lockKeys } from '../../db/advisory-locks.js';
import { newId } from '../../db/ids.js';
import { NotFound } from '../../errors.js';
import { emit } from '../../events/event-bus.js';
import { activitiesMentioning } from '../activity-search/index.js';
import { recordAudit } from '../audit/index.js';
import { mailSettings } from '../organisation/index.js';
import { addressLock } from './address-lock.js';
import * as erasure from './erasure-repository.js';
import { personTerms, termsPattern } from './redaction.js';
import { suppress } from './suppression-list.js';

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * Forgets a person, in one transaction: their contacts (and any merged into them) with addresses,
 * phones and consent go for good; emails they were on with nobody else from outside go with their
 * attachments, as do calls, meetings, notes and tasks about them alone; everything else that stays
 * (emails with others, deals, cases, tasks, notifications, outgoing mail, the audit log) loses their
 * addresses, names and phone numbers. Their addresses go on the suppression list as hashes, and
 * the audit log records the erasure, counted, without the personal data. Nothing is published as
 * a record event: a subscriber would write the person's data back (the audit's before, a rule's
 * job).
 */
export async function erasePerson(db: Knex, actor: Actor, input: ErasureRequest): Promise<ErasureResult> {
  requireRole(actor, 'admin');
  const { orgId } = actor;
  const given = input.email ? [normalizeEmail(input.email)] : [];
  const { ownDomains } = await mailSettings(db, orgId);
  return db.transaction(async (trx) => {
    await lockKeys(
      trx,
      given.map((email) => addressLock(orgId, email)),
    );
    const contacts = await erasure.contactsOfPerson(
      trx,
      orgId,
      input.contactId ? [input.contactId] : [],
      given,
    );
    if (input.contactId && !contacts.some((contact) => contact.id === input.contactId)) {
      throw new NotFound('Contact');
    }
    const contactIds = contacts.map((contact) => contact.id);
    const addresses = unique([...given, ...contacts.flatMap((contact) => contact.emails)]);
    await lockKeys(
      trx,
      addresses.map((email) => addressLock(orgId, email)),
    );
    const fullNames = contacts.map((contact) => `${contact.firstName} ${contact.lastName}`.trim());
    const candidates = await activitiesMentioning(trx, orgId, {
      recordIds: contactIds,
      addresses,
      phrases: [...fullNames, ...addresses],
    });
    const shownNames = await erasure.namesShownWith(trx, orgId, candidates, addresses);
    const pattern = termsPattern(
      personTerms({
        addresses,
        names: [
          ...fullNames,
          ...contacts.flatMap((contact) => [contact.firstName, contact.lastName]),
          ...shownNames,
        ],
        phones: contacts.flatMap((contact) => contact.phones),
      }),
    );
    const result: ErasureResult = {
      id: newId(),
      contactsDeleted: contactIds.length,
      addressesSuppressed: addresses.length,
      emailsDeleted: 0,
      activitiesDeleted: 0,
      activitiesRedacted: 0,
      tasksDeleted: 0,
      recordsRedacted: 0,
    };
    if (pattern) {
      const person = { contactIds, addresses, pattern };
      const fates = await erasure.activityFates(trx, orgId, candidates, person, ownDomains);
      const gone = fates.filter((fate) => fate.alone || fate.onlyTheirs).map((fate) => fate.id);
      const kept = fates.filter((fate) => !fate.alone && !fate.onlyTheirs).map((fate) => fate.id);
      await erasure.deleteActivities(trx, orgId, gone);
      await erasure.redactActivities(trx, orgId, kept, person);
      const tasks = await erasure.eraseFromTasks(trx, orgId, contactIds, pattern);
      const records = await erasure.eraseFromDealsAndCases(trx, orgId, contactIds, pattern);
      await erasure.eraseFromTheRest(trx, orgId, person);
      await erasure.eraseFromAudit(
        trx,
        orgId,
        {
          deleted: [...contactIds, ...gone, ...tasks.deleted],
          changed: [...kept, ...tasks.redacted, ...records],
        },
        pattern,
      );
      // The search rows of what stays are written again from the redacted text.
      if (kept.length > 0) await emit(trx, { type: 'activities.relinked', orgId, activityIds: kept });
      Object.assign(result, {
        emailsDeleted: fates.filter((fate) => fate.alone).length,
        activitiesDeleted: fates.filter((fate) => fate.onlyTheirs).length,
        activitiesRedacted: kept.length,
        tasksDeleted: tasks.deleted.length,
        recordsRedacted: tasks.redacted.length + records.length,
      });
    }
    await erasure.deleteContacts(trx, orgId, contactIds);
    await suppress(trx, orgId, addresses, 'erasure', actor.userId);
    const { id, ...counts } = result;
    await recordAudit(trx, actor, 'erase', 'person', id, null, counts);
    return result;
  });
}
