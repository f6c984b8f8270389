import type pg from 'pg';
import { ACCOUNTS, ACTIVITIES, CASES, CONTACTS, OPPORTUNITIES, TASKS } from './data-set.js';
import { positional } from './named-parameters.js';
import { closeDateOf, createBenchUsers, ownerIds, ownerOf } from './owners.js';

/** A deterministic UUID for generated row `expression` of a kind (one hex digit per table). */
const id = (kind: string, expression: string) =>
  `('${kind}0000000-0000-4000-8000-' || lpad(to_hex(${expression}), 12, '0'))::uuid`;
const accountOf = (contactExpression: string) => `(((${contactExpression}) - 1) % ${ACCOUNTS}) + 1`;

const BATCH = 500_000;

interface Step {
  label: string;
  total: number;
  /**
   * SQL over generate_series(:from, :to) AS g; :org is the organisation, :admin its admin and
   * :owners the users records are spread over (see owners.ts).
   */
  sql: string;
}

const steps: Step[] = [
  {
    label: 'accounts',
    total: ACCOUNTS,
    sql: `INSERT INTO accounts (org_id, id, name, owner_id, search_text, updated_at)
          SELECT :org, ${id('a', 'g')}, 'Company ' || g, ${ownerOf(id('a', 'g'))}, 'company ' || g, now() - g * interval '1 second' FROM generate_series(:from::int, :to::int) g`,
  },
  {
    label: 'account domains',
    total: ACCOUNTS,
    sql: `INSERT INTO account_domains (org_id, domain, account_id)
          SELECT :org, 'company' || g || '.example', ${id('a', 'g')} FROM generate_series(:from::int, :to::int) g`,
  },
  {
    label: 'contacts',
    total: CONTACTS,
    sql: `INSERT INTO contacts (org_id, id, first_name, last_name, account_id, owner_id, search_text, updated_at)
          SELECT :org, ${id('c', 'g')}, 'First' || g, 'Last' || g, ${id('a', accountOf('g'))}, ${ownerOf(id('c', 'g'))}, 'first' || g || ' last' || g, now() - g * interval '1 second'
          FROM generate_series(:from::int, :to::int) g`,
  },
  {
    label: 'contact addresses',
    total: CONTACTS,
    sql: `INSERT INTO contact_emails (org_id, email, contact_id, position)
          SELECT :org, 'person' || g || '@company' || ${accountOf('g')} || '.example', ${id('c', 'g')}, 0 FROM generate_series(:from::int, :to::int) g`,
  },
  {
    label: 'opportunities',
    total: OPPORTUNITIES,
    sql: `INSERT INTO opportunities (org_id, id, name, account_id, contact_id, stage_id, status, amount_minor, currency, probability, close_date, owner_id, search_text)
          SELECT :org, ${id('b', 'g')}, 'Deal ' || g, ${id('a', accountOf('g * 5'))}, ${id('c', '((g * 5 - 1) % ' + CONTACTS + ') + 1')},
                 s.id, s.kind, (g % 1000) * 10000, 'EUR', s.probability, ${closeDateOf(id('b', 'g'))}, ${ownerOf(id('b', 'g'))}, 'deal ' || g
          FROM generate_series(:from::int, :to::int) g
          JOIN LATERAL (SELECT * FROM pipeline_stages WHERE org_id = :org ORDER BY position OFFSET g % 6 LIMIT 1) s ON true`,
  },
  {
    label: 'cases',
    total: CASES,
    sql: `INSERT INTO cases (org_id, id, subject, status, priority, account_id, contact_id, owner_id, search_text)
          SELECT :org, ${id('d', 'g')}, 'Case ' || g, (ARRAY['new','open','pending','resolved','closed'])[g % 5 + 1],
                 (ARRAY['low','normal','high','urgent'])[g % 4 + 1], ${id('a', accountOf('g * 10'))}, ${id('c', '((g * 10 - 1) % ' + CONTACTS + ') + 1')}, ${ownerOf(id('d', 'g'))}, 'case ' || g
          FROM generate_series(:from::int, :to::int) g`,
  },
  {
    label: 'tasks',
    total: TASKS,
    sql: `INSERT INTO tasks (org_id, id, title, due_at, assignee_id, done, account_id, contact_id)
          SELECT :org, ${id('f', 'g')}, 'Follow up ' || g, now() + (g % 30 - 10) * interval '1 day', ${ownerOf(id('f', 'g'))}, g % 3 = 0,
                 ${id('a', accountOf('g * 5'))}, ${id('c', '((g * 5 - 1) % ' + CONTACTS + ') + 1')}
          FROM generate_series(:from::int, :to::int) g`,
  },
  {
    label: 'activities',
    total: ACTIVITIES,
    sql: `INSERT INTO activities (org_id, id, type, subject, snippet, occurred_at, owner_id, message_key)
          SELECT :org, ${id('e', 'g')}, (ARRAY['email','call','note','meeting'])[g % 4 + 1], 'Activity ' || g,
                 'Thanks for the call, here is the summary of what we agreed on ' || g,
                 now() - (g % 730) * interval '12 hours', :admin, CASE WHEN g % 4 = 0 THEN 'msg' || g || '@bench.example' END
          FROM generate_series(:from::int, :to::int) g`,
  },
  {
    label: 'email details',
    total: ACTIVITIES,
    // Filed when sent: a trigger counts filings per person and quarter hour (activity_quarter_counts),
    // and a batch filed at one `now()` updated one count row 125,000 times in one transaction, which
    // PostgreSQL does in time quadratic in the updates (every version stays live until the commit).
    sql: `INSERT INTO email_messages (org_id, activity_id, message_id, from_email, sent_at, filed_at, body_text, source, filed_by)
          SELECT :org, ${id('e', 'g')}, 'msg' || g || '@bench.example', 'person' || (((g - 1) % ${CONTACTS}) + 1) || '@company.example',
                 now() - (g % 730) * interval '12 hours', now() - (g % 730) * interval '12 hours',
                 repeat('Body text of a filed email. ', 40), 'outlook', :admin
          FROM generate_series(:from::int, :to::int) g WHERE g % 4 = 0`,
  },
  {
    label: 'activity links',
    total: ACTIVITIES,
    // Each link carries its activity's summary, as the server writes it (see links-repository.ts).
    sql: `INSERT INTO activity_links (org_id, activity_id, record_type, record_id, activity_type, occurred_at,
            subject, snippet, owner_id, from_email)
          SELECT :org, ${id('e', 'g')}, r.type, CASE r.type WHEN 'contact' THEN ${id('c', '((g - 1) % ' + CONTACTS + ') + 1')}
                                                             ELSE ${id('a', accountOf('((g - 1) % ' + CONTACTS + ') + 1'))} END,
                 (ARRAY['email','call','note','meeting'])[g % 4 + 1], now() - (g % 730) * interval '12 hours',
                 'Activity ' || g, 'Thanks for the call, here is the summary of what we agreed on ' || g, :admin,
                 CASE WHEN g % 4 = 0 THEN 'person' || (((g - 1) % ${CONTACTS}) + 1) || '@company.example' END
          FROM generate_series(:from::int, :to::int) g CROSS JOIN (VALUES ('contact'), ('account')) AS r(type)`,
  },
];

/** Fills the benchmark organisation with its users and data set, in batches, printing progress. */
export async function loadDataSet(client: pg.Client, orgId: string, adminId: string): Promise<void> {
  await createBenchUsers(client, orgId);
  const values = { org: orgId, admin: adminId, owners: ownerIds(adminId) };
  for (const step of steps) {
    const started = Date.now();
    for (let from = 1; from <= step.total; from += BATCH) {
      const to = Math.min(step.total, from + BATCH - 1);
      await client.query(...positional(step.sql, { ...values, from, to }));
      process.stdout.write(
        `\r  ${step.label}: ${to.toLocaleString('en')} / ${step.total.toLocaleString('en')}`,
      );
    }
    process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  // As autovacuum would in a running system: statistics, and the visibility map that lets the
  // timeline's index-only scans skip the table.
  await client.query('VACUUM (ANALYZE)');
}
