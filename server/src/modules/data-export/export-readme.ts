import type { ExportTable } from './export-tables.js';

// What the main tables hold, for someone reading the export without the product. Every other
// table is listed with its columns alone.
const TABLE_WORDS: Record<string, string> = {
  organisations: 'The organisation: its name and settings (own domains, free-mail domains, never-file list).',
  users: 'People who sign in, with role, team and time zone (no passwords).',
  teams: 'Teams of users.',
  accounts: 'Companies.',
  account_domains: 'The mail domains of each account.',
  contacts:
    'People at customers: names, title, account, owner; merged_into_id names the contact a duplicate became.',
  contact_emails: "Each contact's addresses; position 0 is the primary one.",
  contact_phones: "Each contact's phone numbers in E.164.",
  opportunities:
    'Deals: stage, amount in minor units of the currency, close date, probability, owner, status.',
  pipeline_stages: 'The pipeline stages deals move through.',
  cases: 'Service requests: number, status, priority, owner, team, category.',
  activities: 'Emails, calls, meetings and notes: what every timeline shows.',
  activity_links: 'Which records each activity concerns (record_type, record_id).',
  email_messages:
    'The filed emails behind email activities: participants, bodies (HTML sanitized), attachments list.',
  email_attachment_contents:
    'Which kept attachment content (by SHA-256) each email uses; the files are under attachments/.',
  attachment_contents:
    'Kept attachment content by SHA-256 and size; the bytes are the file attachments/<sha256>.',
  tasks: 'To-dos, with due time, assignee, reminder and the records they concern.',
  consent_entries: "Each contact's consent answers per purpose, as given: never changed.",
  contact_consents: "Each contact's current answer per purpose.",
  suppressions:
    "HMAC-SHA256 hashes of suppressed addresses under the organisation's salt, which is not exported: they can be checked only by this installation.",
  audit_log: 'Who changed what and when, with the record before and after.',
  workflow_rules: 'Workflow rules as configured.',
  engagement_plans: 'Engagement plan templates.',
  plan_enrollments: 'Plans run for records, step by step.',
  support_mailboxes: 'Support mailboxes (no passwords or tokens).',
  support_mail_received: 'Every message a support mailbox read, and what became of it.',
  sla_policies: 'Service level policies.',
  notifications: 'In-app notifications and reminders.',
  deliveries: 'Outgoing emails and webhook calls, and how they went.',
  webhooks: 'Webhook receivers (no signing secrets).',
};

/** The README at the top of an export: what is in it, and each table's columns. */
export function exportReadme(organisation: string, exportedAt: Date, tables: readonly ExportTable[]): string {
  const lines = [
    `# Inbox CRM export of ${organisation}`,
    '',
    `Exported ${exportedAt.toISOString()}. Every table the organisation owns is here twice: as`,
    '`<table>.csv` (UTF-8, a header row, JSON in cells that hold lists or objects, empty for null) and as',
    '`<table>.jsonl` (one JSON object per line). Times are ISO 8601 in UTC; ids are UUIDs and join the',
    'tables (`contact_id` is a `contacts.id`). Attachment files are under `attachments/`, named by SHA-256.',
    '',
    'Left out: passwords, API and session tokens, mailbox passwords and webhook secrets (a copy must not',
    'sign anyone in), and what the product derives again from the rest (search indexes, report summaries).',
    '',
    '## Importing it again',
    '',
    '`import/` holds the records once more, as the import takes them: `1-accounts.csv` to `6-calls.csv`',
    'for Import data (each as its record type, in that order, their columns mapped by their names) and',
    '`7-mail.mbox`, every filed email with its kept attachments, as a mailbox archive. Deals, cases,',
    'notes and calls carry their id here as the id of the old system, so importing them twice changes',
    'nothing; owners are matched by address, so they must be users of the organisation imported into.',
    '',
  ];
  for (const table of tables) {
    lines.push(`## ${table.name}`, '');
    if (TABLE_WORDS[table.name]) lines.push(TABLE_WORDS[table.name]!, '');
    lines.push('| column | type | may be empty |', '| --- | --- | --- |');
    for (const column of table.columns) {
      lines.push(`| ${column.name} | ${column.type} | ${column.nullable ? 'yes' : 'no'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
