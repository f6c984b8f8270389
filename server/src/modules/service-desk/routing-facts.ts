import type { Knex } from 'knex';
import type { RoutingFacts, RoutingRule } from '@inbox-crm/shared';
import { loadAccount } from '../accounts/index.js';
import { loadContact } from '../contacts/index.js';
import type { InboundMessage } from '../emails/index.js';
import type { SenderRecords } from './sender-records.js';

/** How much of a message's text routing reads. */
const ROUTED_TEXT_LENGTH = 100_000;

/** Whether any rule looks at the sender's records: reading them costs statements for every message. */
const looksAtRecords = (rules: readonly RoutingRule[]) =>
  rules.some((rule) =>
    rule.conditions.some((condition) => ['account', 'account_field', 'contact_field'].includes(condition.on)),
  );

async function openOpportunities(db: Knex, orgId: string, accountId: string): Promise<number> {
  const row = (await db('opportunities')
    .where({ org_id: orgId, account_id: accountId, status: 'open' })
    .whereNull('deleted_at')
    .count('* as n')
    .first()) as { n: string };
  return Number(row.n);
}

/** What routing may look at for this message and sender. */
export async function routingFacts(
  db: Knex,
  orgId: string,
  message: InboundMessage,
  sender: SenderRecords,
  rules: readonly RoutingRule[],
): Promise<RoutingFacts> {
  const facts: RoutingFacts = {
    from: message.from.email,
    subject: message.subject,
    // Rules read the start of a long message, as a person would: words far down are quoted history.
    body: (message.text ?? '').slice(0, ROUTED_TEXT_LENGTH),
    headers: message.headers,
    attachmentNames: message.files.filter((file) => !file.inline).map((file) => file.name),
    contact: null,
    account: null,
  };
  if (!looksAtRecords(rules)) return facts;
  const contact = sender.contactId ? await loadContact(db, orgId, sender.contactId) : undefined;
  const account = sender.accountId ? await loadAccount(db, orgId, sender.accountId) : undefined;
  facts.contact = contact ?? null;
  facts.account = account
    ? { ...account, openOpportunities: await openOpportunities(db, orgId, account.id) }
    : null;
  return facts;
}
