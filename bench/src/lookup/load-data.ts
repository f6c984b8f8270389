import type pg from 'pg';
import { ACCOUNTS, ACTIVITIES, CASES, CONTACTS, OPPORTUNITIES, TASKS } from './data-set.js';

/** A deterministic UUID for generated row `expression` of a kind (one hex digit per table). */
const id = (kind: string, expression: string) =>
  `('${kind}0000000-0000-4000-8000-' || lpad(to_hex(${expression}), 12, '0'))::uuid`;
const accountOf = (contactExpression: string) => `(((${contactExpression}) - 1) % ${ACCOUNTS}) + 1`;

const BATCH = 500_000;

interface Step {
  label: string;
  total: number;
  /** SQL over generate_series($3, $4) AS g; $1 is the organisation, $2 the owner. */
  sql: string;
}

const steps: Step[] = [
  {
    label: 'accounts',
    total: ACCOUNTS,
    sql: `INSERT INTO accounts (org_id, id, name, owner_id, search_text, updated_at)
          SELECT $1, ${id('a', 'g')}, 'Company ' || g, $2, 'company ' || g, now() - g * interval '1 second' FROM generate_series($3::int, $4::int) g`,
  },
  {
    label: 'account domains',
    total: ACCOUNTS,
    sql: `INSERT INTO account_domains (org_id, domain, account_id)
          SELECT $1, 'company' || g || '.example', ${id('a', 'g')} FROM generate_series($3::int, $4::int) g`,
  },
  {
    label: 'contacts',
    total: CONTACTS,
    sql: `INSERT INTO contacts (org_id, id, first_name, last_name, account_id, owner_id, search_text, updated_at)
          SELECT $1, ${id('c', 'g')}, 'First' || g, 'Last' || g, ${id('a', accountOf('g'))}, $2, 'first' || g || ' last' || g, now() - g * interval '1 second'
          FROM generate_series($3::int, $4::int) g`,
  },
  {
    label: 'contact addresses',
    total: CONTACTS,
    sql: `INSERT INTO contact_emails (org_id, email, contact_id, position)
          SELECT $1, 'person' || g || '@company' || ${accountOf('g')} || '.example', ${id('c', 'g')}, 0 FROM generate_series($3::int, $4::int) g`,
  },
  {
    label: 'opportunities',
    total: OPPORTUNITIES,
    sql: `INSERT INTO opportunities (org_id, id, name, account_id, contact_id, stage_id, status, amount_minor, currency, probability, owner_id, search_text)
          SELECT $1, ${id('b', 'g')}, 'Deal ' || g, ${id('a', accountOf('g * 5'))}, ${id('c', '((g * 5 - 1) % ' + CONTACTS + ') + 1')},
                 s.id, s.kind, (g % 1000) * 10000, 'EUR', s.probability, $2, 'deal ' || g
          FROM generate_series($3::int, $4::int) g
          JOIN LATERAL (SELECT * FROM pipeline_stages WHERE org_id = $1 ORDER BY position OFFSET g % 6 LIMIT 1) s ON true`,
  },
  {
    label: 'cases',
    total: CASES,
    sql: `INSERT INTO cases (org_id, id, subject, status, priority, account_id, contact_id, owner_id, search_text)
          SELECT $1, ${id('d', 'g')}, 'Case ' || g, (ARRAY['new','open','pending','resolved','closed'])[g % 5 + 1],
                 (ARRAY['low','normal','high','urgent'])[g % 4 + 1], ${id('a', accountOf('g * 10'))}, ${id('c', '((g * 10 - 1) % ' + CONTACTS + ') + 1')}, $2, 'case ' || g
          FROM generate_series($3::int, $4::int) g`,
  },
  {
    label: 'tasks',
    total: TASKS,
    sql: `INSERT INTO tasks (org_id, id, title, due_at, assignee_id, done, account_id, contact_id)
          SELECT $1, ${id('f', 'g')}, 'Follow up ' || g, now() + (g % 30 - 10) * interval '1 day', $2, g % 3 = 0,
                 ${id('a', accountOf('g * 5'))}, ${id('c', '((g * 5 - 1) % ' + CONTACTS + ') + 1')}
          FROM generate_series($3::int, $4::int) g`,
  },
  {
    label: 'activities',
    total: ACTIVITIES,
    sql: `INSERT INTO activities (org_id, id, type, subject, snippet, occurred_at, owner_id, message_key)
          SELECT $1, ${id('e', 'g')}, (ARRAY['email','call','note','meeting'])[g % 4 + 1], 'Activity ' || g,
                 'Thanks for the call, here is the summary of what we agreed on ' || g,
                 now() - (g % 730) * interval '12 hours', $2, CASE WHEN g % 4 = 0 THEN 'msg' || g || '@bench.example' END
          FROM generate_series($3::int, $4::int) g`,
  },
  {
    label: 'email details',
    total: ACTIVITIES,
    sql: `INSERT INTO email_messages (org_id, activity_id, message_id, from_email, sent_at, body_text, source, filed_by)
          SELECT $1, ${id('e', 'g')}, 'msg' || g || '@bench.example', 'person' || (((g - 1) % ${CONTACTS}) + 1) || '@company.example',
                 now() - (g % 730) * interval '12 hours', repeat('Body text of a filed email. ', 40), 'outlook', $2
          FROM generate_series($3::int, $4::int) g WHERE g % 4 = 0`,
  },
  {
    label: 'activity links',
    total: ACTIVITIES,
    sql: `INSERT INTO activity_links (org_id, activity_id, record_type, record_id, activity_type, occurred_at)
          SELECT $1, ${id('e', 'g')}, r.type, CASE r.type WHEN 'contact' THEN ${id('c', '((g - 1) % ' + CONTACTS + ') + 1')}
                                                             ELSE ${id('a', accountOf('((g - 1) % ' + CONTACTS + ') + 1'))} END,
                 (ARRAY['email','call','note','meeting'])[g % 4 + 1], now() - (g % 730) * interval '12 hours'
          FROM generate_series($3::int, $4::int) g CROSS JOIN (VALUES ('contact'), ('account')) AS r(type)`,
  },
];

/** Fills the benchmark organisation with its data set, in batches, printing progress. */
export async function loadDataSet(client: pg.Client, orgId: string, ownerId: string): Promise<void> {
  for (const step of steps) {
    const started = Date.now();
    for (let from = 1; from <= step.total; from += BATCH) {
      const to = Math.min(step.total, from + BATCH - 1);
      await client.query(step.sql, [orgId, ownerId, from, to]);
      process.stdout.write(
        `\r  ${step.label}: ${to.toLocaleString('en')} / ${step.total.toLocaleString('en')}`,
      );
    }
    process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  await client.query('ANALYZE');
}
