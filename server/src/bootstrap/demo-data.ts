import type { Knex } from 'knex';
import { CASE_STATUSES, CASE_PRIORITIES, foldForSearch, type RecordRef } from '@inbox-crm/shared';
import { newId } from '../db/ids.js';
import { searchText } from '../db/search.js';
import { refreshAllLinks, snippetOf } from '../modules/activities/index.js';
import { indexOrganisation } from '../modules/activity-search/index.js';
import { hashPassword } from '../modules/users/index.js';
import { createOrganisationWithAdmin, listStages } from '../modules/organisation/index.js';
import * as content from './demo-content.js';
import { stageJourney, statusJourney } from './demo-history.js';
import { insertDemoWorkflow } from './demo-workflow.js';
import {
  addEmail,
  DEMO_DOMAIN,
  DemoRows,
  insertAll,
  link,
  type DemoContact,
  type DemoUser,
} from './demo-rows.js';
import { SeededRandom } from './random.js';

export { DEMO_DOMAIN };
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_DOMAIN}`;
export const DEMO_PASSWORD = 'demo';

const DAY = 24 * 3600 * 1000;

const slug = (text: string) => foldForSearch(text).replace(/ /g, '');

/**
 * A believable small company's CRM: 50 accounts, 300 contacts, opportunities in every stage,
 * open and closed cases, calls, meetings, notes, filed emails and tasks, dated around today;
 * users admin@, manager@ and member@demo.inboxcrm.test, all with the password "demo".
 */
export async function loadDemoData(knex: Knex, now = new Date()): Promise<void> {
  const random = new SeededRandom(20261122);
  const at = (daysFromNow: number) =>
    new Date(now.getTime() + daysFromNow * DAY + random.int(8, 17) * 3600 * 1000 - 12 * 3600 * 1000);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await knex.transaction(async (trx) => {
    const { organisationId: orgId, admin } = await createOrganisationWithAdmin(trx, {
      name: 'Brightwave Solutions (demo)',
      adminEmail: DEMO_ADMIN_EMAIL,
      adminPassword: DEMO_PASSWORD,
      adminName: 'Alex Morgan',
    });
    const teamId = newId();
    await trx('teams').insert({ org_id: orgId, id: teamId, name: 'Sales' });
    const manager = { id: newId(), name: 'Maria Chen', email: `manager@${DEMO_DOMAIN}` };
    const member = { id: newId(), name: 'Sam Patel', email: `member@${DEMO_DOMAIN}` };
    await trx('users').insert([
      { org_id: orgId, ...manager, role: 'manager', team_id: teamId, password_hash: passwordHash },
      {
        org_id: orgId,
        ...member,
        role: 'member',
        team_id: teamId,
        password_hash: passwordHash,
        manager_id: manager.id,
      },
    ]);
    await trx('users').where({ org_id: orgId, id: admin.id }).update({ team_id: teamId });
    const users: DemoUser[] = [{ id: admin.id, name: admin.name, email: admin.email }, manager, member];
    const stages = await listStages(trx, orgId);
    const rows = new DemoRows();

    const contacts: DemoContact[] = [];
    let accountIndex = 0;
    for (const prefix of content.COMPANY_PREFIXES) {
      for (const trade of content.COMPANY_TRADES) {
        accountIndex += 1;
        const name = `${prefix} ${trade.word}`;
        const domain = `${slug(prefix)}${slug(trade.word)}.example`;
        const accountId = newId();
        const owner = random.pick(users);
        rows.add('accounts', {
          org_id: orgId,
          id: accountId,
          name,
          website: `https://www.${domain}`,
          industry: trade.industry,
          phone: `+4420${String(7100_0000 + accountIndex * 137).padStart(8, '0')}`,
          owner_id: owner.id,
          search_text: searchText(name, [domain], trade.industry),
        });
        rows.add('account_domains', { org_id: orgId, account_id: accountId, domain });
        for (let c = 0; c < 6; c += 1) {
          const first = random.pick(content.FIRST_NAMES);
          const last = random.pick(content.LAST_NAMES);
          const contactId = newId();
          const email = `${slug(first)}.${slug(last)}${c}@${domain}`;
          const title = random.pick(content.TITLES);
          rows.add('contacts', {
            org_id: orgId,
            id: contactId,
            first_name: first,
            last_name: last,
            title,
            account_id: accountId,
            owner_id: owner.id,
            search_text: searchText(first, last, title, [email]),
          });
          rows.add('contact_emails', { org_id: orgId, contact_id: contactId, email, position: 0 });
          rows.add('contact_phones', {
            org_id: orgId,
            contact_id: contactId,
            phone: `+447${String(400_000_000 + accountIndex * 1000 + c * 7)}`,
            label: 'mobile',
            position: 0,
          });
          contacts.push({ id: contactId, accountId, first, email });
        }
      }
    }

    const opportunities: { id: string; accountId: string; contact: DemoContact }[] = [];
    stages.forEach((stage, stageIndex) => {
      for (let n = 0; n < 10; n += 1) {
        const contact = contacts[((stageIndex * 10 + n) * 5) % contacts.length]!;
        const id = newId();
        const name = `${random.pick(content.PRODUCTS)} for ${contact.first}'s team`;
        const journey = stageJourney(orgId, random, id, stage, stages, now);
        rows.add('opportunities', {
          org_id: orgId,
          id,
          name,
          created_at: journey.createdAt,
          account_id: contact.accountId,
          contact_id: contact.id,
          stage_id: stage.id,
          status: stage.kind,
          amount_minor: random.int(20, 400) * 50_000,
          currency: random.pick(['EUR', 'GBP', 'USD']),
          close_date: at(stage.kind === 'open' ? random.int(5, 90) : -random.int(5, 60))
            .toISOString()
            .slice(0, 10),
          probability: stage.probability,
          owner_id: random.pick(users).id,
          search_text: searchText(name),
        });
        for (const stay of journey.stays) rows.add('opportunity_stage_history', stay);
        if (stage.kind === 'open') opportunities.push({ id, accountId: contact.accountId, contact });
      }
    });

    const cases: { id: string; contact: DemoContact }[] = [];
    for (let n = 0; n < 40; n += 1) {
      const contact = random.pick(contacts);
      const id = newId();
      const subject = random.pick(content.CASE_SUBJECTS);
      const status = CASE_STATUSES[n % CASE_STATUSES.length]!;
      const journey = statusJourney(orgId, random, id, status, now);
      rows.add('cases', {
        org_id: orgId,
        id,
        created_at: journey.createdAt,
        subject,
        description: `${contact.first} reported: ${subject.toLowerCase()}.`,
        status,
        priority: random.pick(CASE_PRIORITIES),
        account_id: contact.accountId,
        contact_id: contact.id,
        owner_id: random.pick(users).id,
        search_text: searchText(subject),
      });
      for (const stay of journey.stays) rows.add('case_status_history', stay);
      cases.push({ id, contact });
    }

    for (let n = 0; n < 500; n += 1) {
      const user = random.pick(users);
      const occurredAt = at(-random.int(0, 120));
      const opportunity = n % 4 === 0 ? random.pick(opportunities) : undefined;
      const kase = n % 7 === 0 ? random.pick(cases) : undefined;
      const contact = opportunity?.contact ?? kase?.contact ?? random.pick(contacts);
      const refs: RecordRef[] = [
        { type: 'contact', id: contact.id },
        { type: 'account', id: contact.accountId },
        ...(opportunity ? [{ type: 'opportunity' as const, id: opportunity.id }] : []),
        ...(kase ? [{ type: 'case' as const, id: kase.id }] : []),
      ];
      const kind = n % 10 < 5 ? 'email' : n % 10 < 7 ? 'call' : n % 10 < 9 ? 'note' : 'meeting';
      if (kind === 'email') {
        addEmail(rows, orgId, random, user, contact, occurredAt, refs);
        continue;
      }
      const id = newId();
      const body =
        kind === 'note'
          ? random.pick(content.NOTES)
          : kind === 'call'
            ? `Spoke with ${contact.first} about next steps.`
            : `Review meeting with ${contact.first}: agenda, demo, pricing.`;
      rows.add('activities', {
        org_id: orgId,
        id,
        type: kind,
        subject:
          kind === 'call'
            ? `Call with ${contact.first}`
            : kind === 'meeting'
              ? `Meeting with ${contact.first}`
              : '',
        body,
        snippet: snippetOf(body),
        occurred_at: occurredAt,
        duration_minutes: kind === 'note' ? null : random.int(5, 60),
        outcome: kind === 'call' ? random.pick(content.CALL_OUTCOMES) : null,
        direction: kind === 'call' ? random.pick(['inbound', 'outbound']) : null,
        owner_id: user.id,
        private: kind === 'note' && n % 30 === 8,
      });
      link(rows, orgId, id, kind, occurredAt, user.id, refs);
    }

    for (let n = 0; n < 80; n += 1) {
      const contact = random.pick(contacts);
      const opportunity = n % 3 === 0 ? random.pick(opportunities) : undefined;
      const done = n % 4 === 0;
      rows.add('tasks', {
        org_id: orgId,
        id: newId(),
        title: random.pick([
          'Send the revised quote',
          'Follow up on the proposal',
          'Book the onboarding call',
          'Check the invoice question',
          'Prepare the renewal offer',
        ]),
        due_at: at(random.int(-5, 14)),
        priority: random.pick(['low', 'normal', 'normal', 'high']),
        assignee_id: random.pick(users).id,
        created_by: admin.id,
        done,
        completed_at: done ? at(-random.int(0, 5)) : null,
        account_id: contact.accountId,
        contact_id: contact.id,
        opportunity_id: opportunity?.id ?? null,
      });
    }
    await insertAll(trx, rows);
    await refreshAllLinks(trx, orgId);
    await indexOrganisation(trx, orgId);
    await insertDemoWorkflow(trx, orgId, admin.id);
  });
}
