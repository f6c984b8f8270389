import { stringify } from 'csv-stringify/sync';
import { currencyDigits, majorUnits } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { iso } from '../../db/types.js';

const PAGE_ROWS = 1000;

/** One CSV the import reads as it is: its name, its header (the import's own column names) and its rows. */
export interface ImportSheet {
  file: string;
  header: string[];
  /** The rows' SELECT, with :org and :after bound; it answers `id` and the columns `cells` reads. */
  sql: string;
  cells: (row: Record<string, unknown>) => (string | null)[];
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value : JSON.stringify(value);
}
const list = (value: unknown) => ((value as string[] | null) ?? []).join('; ');

const OWNER = `(SELECT u.email FROM users u WHERE u.org_id = x.org_id AND u.id = x.owner_id) AS owner`;
const COMPANY = `(SELECT a.name FROM accounts a WHERE a.org_id = x.org_id AND a.id = x.account_id) AS company`;
const CONTACT_EMAIL = `(SELECT e.email FROM contact_emails e WHERE e.org_id = x.org_id AND e.contact_id = x.contact_id
    ORDER BY e.position, e.email LIMIT 1) AS contact_email`;
const LIVE = `x.org_id = :org AND x.deleted_at IS NULL AND x.id > :after ORDER BY x.id LIMIT ${PAGE_ROWS}`;

function amount(row: Record<string, unknown>): string | null {
  const minor = row.amount_minor === null ? null : Number(row.amount_minor);
  const currency = text(row.currency);
  const major = majorUnits(minor, currency);
  return major === null || currency === null ? null : major.toFixed(currencyDigits(currency));
}

const activitySheet = (type: 'note' | 'call', file: string): ImportSheet => ({
  file,
  header: [
    'Id',
    'Date',
    'Subject',
    type === 'note' ? 'Text' : 'Notes',
    ...(type === 'call' ? ['Duration', 'Direction', 'Outcome'] : []),
    'Contact email',
    'Company',
  ],
  sql: `SELECT x.id, x.occurred_at, x.subject, x.body, x.duration_minutes, x.direction, x.outcome,
      (SELECT e.email FROM activity_links l JOIN contact_emails e ON e.org_id = l.org_id AND e.contact_id = l.record_id
        WHERE l.org_id = x.org_id AND l.activity_id = x.id AND l.record_type = 'contact'
        ORDER BY l.record_id, e.position LIMIT 1) AS contact_email,
      (SELECT a.name FROM activity_links l JOIN accounts a ON a.org_id = l.org_id AND a.id = l.record_id
        WHERE l.org_id = x.org_id AND l.activity_id = x.id AND l.record_type = 'account'
        ORDER BY l.record_id LIMIT 1) AS company
    FROM activities x WHERE x.type = '${type}' AND ${LIVE}`,
  cells: (row) => [
    text(row.id),
    iso(row.occurred_at as Date),
    text(row.subject),
    text(row.body),
    ...(type === 'call' ? [text(row.duration_minutes), text(row.direction), text(row.outcome)] : []),
    text(row.contact_email),
    text(row.company),
  ],
});

/**
 * The organisation's records as CSV files the import takes back as they are, in the order they are
 * imported (companies before the people at them, people before their deals, cases, notes and calls):
 * leaving for another installation, or coming back, is an import of each.
 */
export const IMPORT_SHEETS: readonly ImportSheet[] = [
  {
    file: '1-accounts.csv',
    header: ['Name', 'Domain', 'Website', 'Phone', 'Industry', 'Owner'],
    sql: `SELECT x.id, x.name, x.website, x.phone, x.industry, ${OWNER},
        ARRAY(SELECT d.domain FROM account_domains d WHERE d.org_id = x.org_id AND d.account_id = x.id ORDER BY d.domain) AS domains
      FROM accounts x WHERE ${LIVE}`,
    cells: (row) => [
      text(row.name),
      list(row.domains),
      text(row.website),
      text(row.phone),
      text(row.industry),
      text(row.owner),
    ],
  },
  {
    file: '2-contacts.csv',
    header: [
      'Email',
      'Other emails',
      'First name',
      'Last name',
      'Job title',
      'Phone',
      'Mobile',
      'Company',
      'Company domain',
      'Owner',
    ],
    sql: `SELECT x.id, x.first_name, x.last_name, x.title, ${OWNER}, ${COMPANY},
        (SELECT d.domain FROM account_domains d WHERE d.org_id = x.org_id AND d.account_id = x.account_id ORDER BY d.domain LIMIT 1) AS company_domain,
        ARRAY(SELECT e.email FROM contact_emails e WHERE e.org_id = x.org_id AND e.contact_id = x.id ORDER BY e.position, e.email) AS emails,
        (SELECT p.phone FROM contact_phones p WHERE p.org_id = x.org_id AND p.contact_id = x.id AND p.label <> 'mobile' ORDER BY p.position LIMIT 1) AS phone,
        (SELECT p.phone FROM contact_phones p WHERE p.org_id = x.org_id AND p.contact_id = x.id AND p.label = 'mobile' ORDER BY p.position LIMIT 1) AS mobile
      FROM contacts x WHERE ${LIVE}`,
    cells: (row) => {
      const [email = null, ...others] = (row.emails as string[] | null) ?? [];
      return [
        email,
        others.join('; '),
        text(row.first_name),
        text(row.last_name),
        text(row.title),
        text(row.phone),
        text(row.mobile),
        text(row.company),
        text(row.company_domain),
        text(row.owner),
      ];
    },
  },
  {
    file: '3-opportunities.csv',
    header: [
      'Id',
      'Name',
      'Company',
      'Contact email',
      'Stage',
      'Amount',
      'Currency',
      'Close date',
      'Probability',
      'Owner',
    ],
    sql: `SELECT x.id, x.name, ${COMPANY}, ${CONTACT_EMAIL}, x.amount_minor, x.currency, CAST(x.close_date AS text) AS close_date,
        x.probability, ${OWNER}, (SELECT s.name FROM pipeline_stages s WHERE s.org_id = x.org_id AND s.id = x.stage_id) AS stage
      FROM opportunities x WHERE ${LIVE}`,
    cells: (row) => [
      text(row.id),
      text(row.name),
      text(row.company),
      text(row.contact_email),
      text(row.stage),
      amount(row),
      text(row.currency),
      text(row.close_date),
      text(row.probability),
      text(row.owner),
    ],
  },
  {
    file: '4-cases.csv',
    header: [
      'Id',
      'Subject',
      'Description',
      'Status',
      'Priority',
      'Category',
      'Company',
      'Contact email',
      'Owner',
    ],
    sql: `SELECT x.id, x.subject, x.description, x.status, x.priority, x.category, ${COMPANY}, ${CONTACT_EMAIL}, ${OWNER}
      FROM cases x WHERE ${LIVE}`,
    cells: (row) => [
      text(row.id),
      text(row.subject),
      text(row.description),
      text(row.status),
      text(row.priority),
      text(row.category),
      text(row.company),
      text(row.contact_email),
      text(row.owner),
    ],
  },
  activitySheet('note', '5-notes.csv'),
  activitySheet('call', '6-calls.csv'),
];

/** A sheet's rows, page by page along the id. */
export async function* sheetRows(
  db: Db,
  orgId: string,
  sheet: ImportSheet,
): AsyncGenerator<(string | null)[][]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await db.raw<{ rows: Record<string, unknown>[] }>(sheet.sql, { org: orgId, after });
    if (rows.length === 0) return;
    yield rows.map((row) => sheet.cells(row));
    if (rows.length < PAGE_ROWS) return;
    after = String(rows[rows.length - 1]!.id);
  }
}

/** A sheet as CSV lines, its header first. */
export async function* sheetLines(db: Db, orgId: string, sheet: ImportSheet): AsyncGenerator<Buffer> {
  yield Buffer.from(stringify([sheet.header]));
  for await (const rows of sheetRows(db, orgId, sheet)) yield Buffer.from(stringify(rows));
}
