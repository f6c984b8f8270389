import { isOwnAddress, normalizeEmail, type ErasureRequest, type ErasureResult } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { lockKeys } from '../../db/advisory-locks.js';
import { newId } from '../../db/ids.js';
import { searchText } from '../../db/search.js';
import { NotFound, ValidationFailed } from '../../errors.js';
import { emit } from '../../events/event-bus.js';
import { activitiesMentioning } from '../activity-search/index.js';
import { recordAudit } from '../audit/index.js';
import { mailSettings } from '../organisation/index.js';
import { addressLock } from './address-lock.js';
import * as erasure from './erasure-repository.js';
import * as records from './erasure-records-repository.js';
import { activityFates, contactsOfPerson, namesShownWith } from './person-repository.js';
import { closePattern, widePattern } from './redaction.js';
import { suppress } from './suppression-list.js';

const unique = (values: readonly string[]) => [...new Set(values)];

type PersonContact = Awaited<ReturnType<typeof contactsOfPerson>>[number];

/**
 * The person's contacts, with every address of theirs locked against a form or an erasure making or
 * forgetting it meanwhile: all addresses are locked in one call (one order), then the contacts are
 * read again under the lock and locked themselves.
 */
async function lockedPerson(trx: Knex.Transaction, orgId: string, input: ErasureRequest) {
  const asked = input.contactId ? [input.contactId] : [];
  const given = input.email ? [normalizeEmail(input.email)] : [];
  const locked = new Set<string>();
  let rowsLocked = false;
  for (;;) {
    const contacts = await contactsOfPerson(trx, orgId, asked, given, rowsLocked);
    const addresses = unique([...given, ...contacts.flatMap((contact) => contact.emails)]);
    const unlocked = addresses.filter((address) => !locked.has(address));
    if (unlocked.length === 0 && rowsLocked) return { contacts, addresses };
    await lockKeys(
      trx,
      unlocked.map((address) => addressLock(orgId, address)),
    );
    unlocked.forEach((address) => locked.add(address));
    rowsLocked = true;
  }
}

function checkAsked(input: ErasureRequest, contacts: readonly PersonContact[]): void {
  if (input.contactId && !contacts.some((contact) => contact.id === input.contactId))
    throw new NotFound('Contact');
  const address = input.email && normalizeEmail(input.email);
  const holder = address && contacts.find((contact) => contact.emails.includes(address));
  if (input.contactId && holder && holder.id !== input.contactId && holder.mergedIntoId !== input.contactId) {
    throw new ValidationFailed(`${address} belongs to another contact: forget one person at a time.`, [
      { in: 'body', path: '/email', message: 'belongs to another contact than contactId' },
    ]);
  }
}

/**
 * Forgets a person, in one transaction: their contacts (and any merged into them) with addresses,
 * phones and consent go for good; emails they were on with nobody else from outside go with their
 * attachments, as do calls, meetings, notes and tasks about them alone; what stays and concerns
 * them (emails with others, records they were the contact of) loses every word naming them; the
 * rest of the organisation's data loses what names them alone (addresses, numbers, whole names).
 * Their addresses go on the suppression list as hashes, and the audit log records the erasure,
 * counted, without the personal data. Nothing is published as a record event: a subscriber would
 * write the person's data back (the audit's before, a rule's job).
 */
export async function erasePerson(db: Knex, actor: Actor, input: ErasureRequest): Promise<ErasureResult> {
  requireRole(actor, 'admin');
  const { orgId } = actor;
  const { ownDomains } = await mailSettings(db, orgId);
  if (input.email && isOwnAddress(input.email, ownDomains)) {
    throw new ValidationFailed(
      'That address is one of your organisation’s own: erasure is for customers and contacts.',
      [{ in: 'body', path: '/email', message: 'is on one of the organisation’s own domains' }],
    );
  }
  return db.transaction(async (trx) => {
    const { contacts, addresses } = await lockedPerson(trx, orgId, input);
    checkAsked(input, contacts);
    const contactIds = contacts.map((contact) => contact.id);
    const fullNames = contacts.map((contact) => `${contact.firstName} ${contact.lastName}`.trim());
    const candidates = await activitiesMentioning(trx, orgId, {
      recordIds: contactIds,
      addresses,
      phrases: [...fullNames, ...addresses],
    });
    const words = {
      addresses,
      names: [...fullNames, ...(await namesShownWith(trx, orgId, candidates, addresses))],
      nameParts: contacts.flatMap((contact) => [contact.firstName, contact.lastName]),
      phones: contacts.flatMap((contact) => contact.phones),
    };
    const patterns = { close: closePattern(words), wide: widePattern(words) };
    const person = { contactIds, addresses, pattern: patterns.close };

    const fates = await activityFates(trx, orgId, candidates, person, ownDomains);
    const gone = fates.filter((fate) => fate.alone || fate.onlyTheirs).map((fate) => fate.id);
    const kept = fates.filter((fate) => !fate.alone && !fate.onlyTheirs).map((fate) => fate.id);
    await erasure.deleteActivities(trx, orgId, gone);
    await erasure.redactActivities(trx, orgId, kept, person);
    const tasks = await records.eraseFromTasks(trx, orgId, contactIds, patterns);
    const { cases, deals } = await records.eraseFromDealsAndCases(trx, orgId, contactIds, patterns);
    await records.setSearchText(
      trx,
      orgId,
      'cases',
      cases.map((row) => ({ id: row.id, searchText: searchText(row.subject) })),
    );
    await records.setSearchText(
      trx,
      orgId,
      'opportunities',
      deals.map((row) => ({ id: row.id, searchText: searchText(row.name) })),
    );
    await records.eraseFromTheRest(
      trx,
      orgId,
      { contactIds, addresses, activityIds: [...gone, ...kept] },
      patterns,
    );
    const changed = [
      ...kept,
      ...tasks.redacted,
      ...cases.map((row) => row.id),
      ...deals.map((row) => row.id),
    ];
    await records.eraseFromAudit(
      trx,
      orgId,
      { deleted: [...contactIds, ...gone, ...tasks.deleted], changed },
      patterns.close,
    );
    // The search rows of what stays are written again from the redacted text.
    if (kept.length > 0) await emit(trx, { type: 'activities.relinked', orgId, activityIds: kept });
    await erasure.deleteContacts(trx, orgId, contactIds);
    await suppress(trx, orgId, addresses, 'erasure', actor.userId);

    const result: ErasureResult = {
      id: newId(),
      contactsDeleted: contactIds.length,
      addressesSuppressed: addresses.length,
      emailsDeleted: fates.filter((fate) => fate.alone).length,
      activitiesDeleted: fates.filter((fate) => fate.onlyTheirs).length,
      activitiesRedacted: kept.length,
      tasksDeleted: tasks.deleted.length,
      recordsRedacted: new Set(changed).size - kept.length,
    };
    const { id, ...counts } = result;
    await recordAudit(trx, actor, 'erase', 'person', id, null, counts);
    return result;
  });
}
