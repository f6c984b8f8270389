import {
  emailDomain,
  MAX_CONSENT_HISTORY,
  nameFromDisplayName,
  normalizeEmail,
  registrableDomain,
  type ConsentCreate,
  type ContactConsents,
  type ConsentEntry,
  type FormConsent,
  type FormConsentResult,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { lockKeys } from '../../db/advisory-locks.js';
import { newId } from '../../db/ids.js';
import { Unprocessable, ValidationFailed } from '../../errors.js';
import { accountHoldingDomain } from '../accounts/index.js';
import { contactHoldingEmail, contactsService, insertContactIn } from '../contacts/index.js';
import { addressLock, suppressedAddresses } from '../privacy/index.js';
import { userNames } from '../users/index.js';
import { checkAnswer } from './consent-rules.js';
import * as consents from './repository.js';

async function entriesAsAnswered(
  db: Knex,
  actor: Actor,
  rows: consents.ConsentEntryRow[],
): Promise<ConsentEntry[]> {
  const names = await userNames(db, actor.orgId);
  return rows.map((row) => consents.toConsentEntry(row, names));
}

/** A contact's current answer per purpose, and the history behind them. */
export async function contactConsents(db: Knex, actor: Actor, contactId: string): Promise<ContactConsents> {
  await contactsService.get(db, actor, contactId);
  const [current, history] = await Promise.all([
    consents.currentConsents(db, actor.orgId, contactId),
    consents.consentHistory(db, actor.orgId, contactId, MAX_CONSENT_HISTORY + 1),
  ]);
  return {
    current,
    history: await entriesAsAnswered(db, actor, history.slice(0, MAX_CONSENT_HISTORY)),
    moreHistory: history.length > MAX_CONSENT_HISTORY,
  };
}

/** Adds one answer to a contact's ledger, for one of the contact's addresses (the first by default). */
export async function recordConsent(
  db: Knex,
  actor: Actor,
  contactId: string,
  input: ConsentCreate,
): Promise<ConsentEntry> {
  const answer = checkAnswer(input);
  const contact = await contactsService.get(db, actor, contactId);
  const email = input.email ? normalizeEmail(input.email) : (contact.emails[0] ?? null);
  if (email && !contact.emails.includes(email)) {
    throw new ValidationFailed(`${email} is not one of ${contact.name}'s addresses.`, [
      { in: 'body', path: '/email', message: 'must be one of the contact’s addresses' },
    ]);
  }
  const [row] = await db.transaction((trx) =>
    consents.insertConsentEntries(trx, [
      {
        org_id: actor.orgId,
        id: newId(),
        contact_id: contactId,
        purpose: input.purpose,
        state: input.state,
        lawful_basis: answer.lawfulBasis,
        source: input.source.trim(),
        wording: answer.wording,
        email,
        given_at: answer.givenAt,
        recorded_by: actor.userId,
      },
    ]),
  );
  return (await entriesAsAnswered(db, actor, [row!]))[0]!;
}

/**
 * A website form's answer: the contact holding the address (a new one when none does, named as the
 * form says or after the address), and one entry per purpose the form offered.
 */
export async function recordFormConsent(
  db: Knex,
  actor: Actor,
  input: FormConsent,
): Promise<FormConsentResult> {
  const answer = checkAnswer(input);
  const email = normalizeEmail(input.email);
  const result = await db.transaction(async (trx) => {
    // Under the address's lock, so an erasure of it is either done (and refuses this) or waits.
    await lockKeys(trx, [addressLock(actor.orgId, email)]);
    if ((await suppressedAddresses(trx, actor.orgId, [email])).size > 0) {
      throw new Unprocessable('suppressed', 'This address belongs to someone who asked to be forgotten.');
    }
    const holder = await contactHoldingEmail(trx, actor.orgId, email);
    const contactId = holder?.id ?? (await newFormContact(trx, actor, input, email));
    const rows = await consents.insertConsentEntries(
      trx,
      input.purposes.map((purpose) => ({
        org_id: actor.orgId,
        id: newId(),
        contact_id: contactId,
        purpose,
        state: input.state,
        lawful_basis: answer.lawfulBasis,
        source: input.source.trim(),
        wording: answer.wording,
        email,
        given_at: answer.givenAt,
        recorded_by: actor.userId,
      })),
    );
    return { contactId, contactCreated: !holder, rows };
  });
  return {
    contactId: result.contactId,
    contactCreated: result.contactCreated,
    entries: await entriesAsAnswered(db, actor, result.rows),
  };
}

/** A new contact for a form's address, at the company its domain belongs to when the CRM has it. */
async function newFormContact(trx: Knex.Transaction, actor: Actor, input: FormConsent, email: string) {
  const host = emailDomain(email);
  const account = await accountHoldingDomain(trx, actor.orgId, registrableDomain(host) ?? host);
  const accountId = account?.live ? account.id : null;
  return (await insertContactIn(trx, actor, { ...formName(input, email), email, accountId })).id;
}

function formName(input: FormConsent, email: string): { firstName: string; lastName: string } {
  const firstName = input.firstName?.trim() ?? '';
  const lastName = input.lastName?.trim() ?? '';
  return firstName || lastName ? { firstName, lastName } : nameFromDisplayName(null, email);
}
