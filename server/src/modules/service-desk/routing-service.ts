import type { Knex } from 'knex';
import {
  ACKNOWLEDGEMENT_PLACEHOLDERS,
  patternProblem,
  routedCase,
  routeMessage,
  unknownPlaceholders,
  type Acknowledgement,
  type RoutingCondition,
  type RoutingRule,
  type RoutingTrial,
  type RoutingTrialResult,
  type SupportRouting,
  type SupportRoutingUpdate,
} from '@inbox-crm/shared';
import { requireRole, type Actor } from '../../actor.js';
import { NotFound, StaleVersion, Unprocessable } from '../../errors.js';
import { loadAccount } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { loadContact } from '../contacts/index.js';
import { mailSettings } from '../organisation/index.js';
import { checkRuleCondition } from '../workflow/index.js';
import { acknowledgementRefusal } from './acknowledgement.js';
import { readInboundMessage, UnreadableMessage } from '../emails/index.js';
import {
  findMailbox,
  mailboxAddresses,
  updateMailboxRouting,
  type MailboxRow,
} from './mailboxes-repository.js';
import { messagePatternTest } from './pattern-test.js';
import { routingFacts } from './routing-facts.js';
import { senderAsKnown } from './sender-records.js';

/** What routing's validity depends on besides the organisation's data. */
export interface RoutingEnvironment {
  /** Whether the server has its own SMTP (SMTP_URL), for mailboxes without an outgoing server. */
  emailEnabled: boolean;
}

const refuse = (message: string, path: string): never => {
  throw new Unprocessable('invalid_rule', message, [{ path }]);
};

const toRouting = (row: MailboxRow): SupportRouting => ({
  rules: row.routing_rules,
  acknowledgement: row.acknowledgement,
  version: row.routing_version,
});

async function mailboxOrNotFound(db: Knex, actor: Actor, id: string, lock = false): Promise<MailboxRow> {
  requireRole(actor, 'admin');
  const row = await findMailbox(db, actor.orgId, id, lock);
  if (!row) throw new NotFound('Support mailbox');
  return row;
}

/** The pattern a condition tests, if it tests one. */
function patternOf(condition: RoutingCondition): string | undefined {
  if (condition.on === 'attachment') return condition.test === 'name_matches' ? condition.value : undefined;
  if (condition.on === 'subject' || condition.on === 'body' || condition.on === 'header') {
    return condition.test === 'matches' ? condition.value : undefined;
  }
  return undefined;
}

async function checkCondition(
  trx: Knex.Transaction,
  orgId: string,
  condition: RoutingCondition,
  path: string,
) {
  const needsValue =
    (condition.on === 'header' && condition.test !== 'present') ||
    (condition.on === 'attachment' && condition.test === 'name_matches');
  const sought = 'value' in condition ? condition.value : undefined;
  const blank = Array.isArray(sought) ? sought.some((entry) => entry.trim() === '') : sought?.trim() === '';
  if ((needsValue && sought === undefined) || blank) refuse('Say what to look for.', `${path}/value`);
  const pattern = patternOf(condition);
  const problem = pattern === undefined ? null : patternProblem(pattern);
  if (problem) refuse(`The pattern cannot be read: ${problem}.`, `${path}/value`);
  if (condition.on === 'account_field' || condition.on === 'contact_field') {
    const recordType = condition.on === 'account_field' ? 'account' : 'contact';
    await checkRuleCondition(trx, orgId, recordType, condition.condition, `${path}/condition`);
  }
}

async function checkRule(
  trx: Knex.Transaction,
  row: MailboxRow,
  rule: RoutingRule,
  path: string,
): Promise<void> {
  for (const [index, condition] of rule.conditions.entries()) {
    await checkCondition(trx, row.org_id, condition, `${path}/conditions/${index}`);
  }
  const { teamId, assign } = rule.actions;
  if (teamId) {
    const team = (await trx('teams').where({ org_id: row.org_id, id: teamId }).first('id')) as
      { id: string } | undefined;
    if (!team) refuse('That queue is not a team of your organisation.', `${path}/actions/teamId`);
  }
  if (assign?.strategy === 'person') {
    const user = (await trx('users').where({ org_id: row.org_id, id: assign.userId }).first('active')) as
      { active: boolean } | undefined;
    if (!user?.active)
      refuse('That person is not an active user of your organisation.', `${path}/actions/assign`);
  }
  const queue = teamId === undefined ? row.team_id : teamId;
  if ((assign?.strategy === 'round_robin' || assign?.strategy === 'least_busy') && !queue) {
    refuse(
      'Taking turns and the least busy member choose among a queue’s members: choose a queue for this rule or the mailbox.',
      `${path}/actions/assign`,
    );
  }
}

async function checkRules(
  trx: Knex.Transaction,
  row: MailboxRow,
  rules: readonly RoutingRule[],
): Promise<void> {
  for (const [index, rule] of rules.entries()) await checkRule(trx, row, rule, `/rules/${index}`);
}

function checkAcknowledgement(
  row: MailboxRow,
  rules: readonly RoutingRule[],
  acknowledgement: Acknowledgement,
  environment: RoutingEnvironment,
): void {
  for (const field of ['subject', 'body'] as const) {
    const [unknown] = unknownPlaceholders(acknowledgement[field], ACKNOWLEDGEMENT_PLACEHOLDERS);
    if (unknown) {
      refuse(
        `{{${unknown}}} is not a placeholder; use ${ACKNOWLEDGEMENT_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}.`,
        `/acknowledgement/${field}`,
      );
    }
  }
  const sends = acknowledgement.enabled || rules.some((rule) => rule.actions.acknowledge === true);
  if (sends && !row.smtp_host && !environment.emailEnabled) {
    refuse(
      'Acknowledgements need a way to send mail: give the mailbox an outgoing server, or set up SMTP on the CRM server (SMTP_URL).',
      '/acknowledgement/enabled',
    );
  }
}

export async function getSupportRouting(db: Knex, actor: Actor, id: string): Promise<SupportRouting> {
  return toRouting(await mailboxOrNotFound(db, actor, id));
}

/** Replaces a mailbox's rules and acknowledgement at once; readers take them from their next message on. */
export function updateSupportRouting(
  db: Knex,
  actor: Actor,
  id: string,
  input: SupportRoutingUpdate,
  environment: RoutingEnvironment,
): Promise<SupportRouting> {
  return db.transaction(async (trx) => {
    const row = await mailboxOrNotFound(trx, actor, id, true);
    if (row.routing_version !== input.version)
      throw new StaleVersion('This mailbox’s routing', row.routing_version);
    await checkRules(trx, row, input.rules);
    checkAcknowledgement(row, input.rules, input.acknowledgement, environment);
    await updateMailboxRouting(trx, actor.orgId, id, input.rules, input.acknowledgement);
    const after = toRouting((await findMailbox(trx, actor.orgId, id))!);
    await recordAudit(trx, actor, 'update', 'support_routing', id, toRouting(row), after);
    return after;
  });
}

async function recordName(db: Knex, orgId: string, type: 'contact' | 'account', id: string | null) {
  if (!id) return null;
  if (type === 'account') {
    const account = await loadAccount(db, orgId, id);
    return account ? { id, name: account.name } : null;
  }
  const contact = await loadContact(db, orgId, id);
  return contact ? { id, name: contact.name } : null;
}

/**
 * What the mailbox's routing (or the rules given) would do with a pasted message, without writing
 * anything: each rule's verdict, condition by condition, and what the new case would get.
 */
export async function tryRouting(
  db: Knex,
  actor: Actor,
  id: string,
  trial: RoutingTrial,
): Promise<RoutingTrialResult> {
  const row = await mailboxOrNotFound(db, actor, id);
  const rules = trial.rules ?? row.routing_rules;
  if (trial.rules) await db.transaction((trx) => checkRules(trx, row, rules));
  let message;
  try {
    message = await readInboundMessage(Buffer.from(trial.message, 'utf8'), new Date());
  } catch (error) {
    if (!(error instanceof UnreadableMessage)) throw error;
    throw new Unprocessable('invalid_value', `The message cannot be read: ${error.reason}`, [
      { path: '/message' },
    ]);
  }
  const settings = await mailSettings(db, actor.orgId);
  const { records } = await senderAsKnown(db, actor.orgId, message.from.email, settings);
  const facts = await routingFacts(db, actor.orgId, message, records, rules);
  const { matchedRule, verdicts } = routeMessage(rules, facts, messagePatternTest());
  const routed = routedCase(
    { teamId: row.team_id, acknowledge: row.acknowledgement.enabled },
    matchedRule === null ? null : rules[matchedRule]!,
  );
  const refusal = routed.acknowledge
    ? await acknowledgementRefusal(
        db,
        {
          orgId: row.org_id,
          id: row.id,
          name: row.name,
          address: row.address,
          acknowledgement: row.acknowledgement,
          ownAddresses: await mailboxAddresses(db, row.org_id),
          ownDomains: settings.ownDomains,
        },
        message,
      )
    : null;
  return {
    sender: {
      email: message.from.email,
      contact: await recordName(db, actor.orgId, 'contact', records.contactId),
      account: await recordName(db, actor.orgId, 'account', records.accountId),
    },
    subject: message.subject,
    rules: rules.map((rule, index) => ({
      name: rule.name,
      enabled: rule.enabled,
      matched: verdicts[index]!.matched,
      conditions: verdicts[index]!.conditions,
    })),
    matchedRule,
    outcome: { ...routed, acknowledgementRefused: refusal },
  };
}
