import { normalizeEmail, type PersonRequest } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Readable } from 'node:stream';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { NotFound } from '../../errors.js';
import { activitiesMentioning } from '../activity-search/index.js';
import { recordAudit } from '../audit/index.js';
import { mailSettings } from '../organisation/index.js';
import { activityFates, contactsOfPerson } from './person-repository.js';
import { closePattern } from './redaction.js';
import * as access from './subject-access-repository.js';
import { subjectAccessZip } from './subject-access-zip.js';
import { suppressedAddresses } from './suppression-list.js';

const README = (
  addresses: readonly string[],
  at: Date,
) => `# What we hold about ${addresses.join(', ') || 'this person'}

Produced ${at.toISOString()} in answer to a subject access request.

- \`person.json\`: their contact records (names, title, company, addresses, phone numbers), each
  purpose's current consent, and whether their address is on the suppression list.
- \`emails.jsonl\`: every filed email they were on or that names them: sender, recipients, subject,
  sent time, text and HTML bodies, the list of attachments; one JSON object a line.
- \`attachments/<email id>/\`: the files attached to those emails, where their content is kept.
- \`activities.jsonl\`: calls, meetings and notes filed to them or naming them.
- \`tasks.jsonl\`, \`cases.jsonl\`, \`opportunities.jsonl\`: work recorded about them.
- \`consent.jsonl\`: every consent answer they gave, as given.
- \`audit.jsonl\`: who changed any of the above, and when.

Times are ISO 8601 in UTC.
`;

/**
 * Everything the organisation holds about a person, for admins, as one ZIP: read from one
 * snapshot (a read-only transaction open until the ZIP is written or the download stops). The
 * audit log records that a request was answered, not for whom: an erasure could not find it.
 */
export async function subjectAccess(
  db: Knex,
  actor: Actor,
  input: PersonRequest,
): Promise<{ filename: string; zip: Readable }> {
  requireRole(actor, 'admin');
  const { orgId } = actor;
  const { ownDomains } = await mailSettings(db, orgId);
  // Before the read's transaction: on the embedded database that holds the one connection.
  await db.transaction((write) => recordAudit(write, actor, 'access', 'person', newId(), null, null));
  const trx = await db.transaction();
  try {
    await trx.raw('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const given = input.email ? [normalizeEmail(input.email)] : [];
    const contacts = await contactsOfPerson(
      trx,
      orgId,
      input.contactId ? [input.contactId] : [],
      given,
      false,
    );
    if (input.contactId && !contacts.some((contact) => contact.id === input.contactId))
      throw new NotFound('Contact');
    const contactIds = contacts.map((contact) => contact.id);
    const addresses = [...new Set([...given, ...contacts.flatMap((contact) => contact.emails)])];
    const fullNames = contacts.map((contact) => `${contact.firstName} ${contact.lastName}`.trim());
    const candidates = await activitiesMentioning(trx, orgId, {
      recordIds: contactIds,
      addresses,
      phrases: [...fullNames, ...addresses],
    });
    const pattern = closePattern({
      addresses,
      names: fullNames,
      nameParts: contacts.flatMap((contact) => [contact.firstName, contact.lastName]),
      phones: contacts.flatMap((contact) => contact.phones),
    });
    const theirs = (
      await activityFates(trx, orgId, candidates, { contactIds, addresses, pattern }, ownDomains)
    ).map((fate) => fate.id);
    const [activities, tasks, cases, opportunities, consent, current, suppressed] = await Promise.all([
      access.activitiesByIds(trx, orgId, theirs),
      access.rowsOfContacts(trx, orgId, 'tasks', contactIds),
      access.rowsOfContacts(trx, orgId, 'cases', contactIds),
      access.rowsOfContacts(trx, orgId, 'opportunities', contactIds),
      access.rowsOfContacts(trx, orgId, 'consent_entries', contactIds),
      access.currentConsentOf(trx, orgId, contactIds),
      suppressedAddresses(trx, orgId, addresses),
    ]);
    const attachments = await access.keptAttachmentsOf(trx, orgId, theirs);
    const emailIds = await access.emailIdsAmong(trx, orgId, theirs);
    const audit = await access.auditOf(trx, orgId, [
      ...contactIds,
      ...theirs,
      ...[...tasks, ...cases, ...opportunities].map((row) => row.id as string),
    ]);
    const now = new Date();
    const zip = subjectAccessZip(trx, orgId, {
      readme: README(addresses, now),
      person: {
        addresses,
        suppressed: [...suppressed],
        contacts: await access.contactDetails(trx, orgId, contactIds),
        currentConsent: current,
      },
      emailIds,
      attachments,
      tables: { activities, tasks, cases, opportunities, consent, audit },
    });
    const finish = () => void trx.rollback().catch(() => undefined);
    zip.once('end', finish);
    zip.once('error', finish);
    zip.once('close', finish);
    return { filename: `subject-access-${now.toISOString().slice(0, 10)}.zip`, zip };
  } catch (error) {
    await trx.rollback().catch(() => undefined);
    throw error;
  }
}
