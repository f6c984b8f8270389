import type { Knex } from 'knex';
import type { RecordRef } from '@inbox-crm/shared';
import { newId } from '../db/ids.js';
import { snippetOf } from '../modules/activities/index.js';
import { sanitizeEmailHtml } from '../modules/emails/index.js';
import * as content from './demo-content.js';
import type { SeededRandom } from './random.js';

export const DEMO_DOMAIN = 'demo.inboxcrm.test';

/** Rows of the demo company, table by table, inserted in bulk at the end. */
type Row = Record<string, unknown>;

export interface DemoUser {
  id: string;
  name: string;
  email: string;
}

export interface DemoContact {
  id: string;
  accountId: string;
  first: string;
  email: string;
}

/** Everything the demo inserts, table by table, in insertion order. */
export class DemoRows {
  readonly tables = new Map<string, Row[]>();

  add(table: string, row: Row): void {
    const rows = this.tables.get(table) ?? [];
    rows.push(row);
    this.tables.set(table, rows);
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export function link(
  rows: DemoRows,
  orgId: string,
  activityId: string,
  type: string,
  occurredAt: Date,
  userId: string,
  refs: RecordRef[],
) {
  for (const ref of refs) {
    rows.add('activity_links', {
      org_id: orgId,
      activity_id: activityId,
      record_type: ref.type,
      record_id: ref.id,
      activity_type: type,
      occurred_at: occurredAt,
      created_by: userId,
    });
  }
}

export function addEmail(
  rows: DemoRows,
  orgId: string,
  random: SeededRandom,
  user: DemoUser,
  contact: DemoContact,
  occurredAt: Date,
  refs: RecordRef[],
) {
  const inbound = random.chance(0.65);
  const template = random.pick(inbound ? content.INBOUND_EMAILS : content.OUTBOUND_EMAILS);
  const values = {
    first: contact.first,
    me: user.name.split(' ')[0]!,
    product: random.pick(content.PRODUCTS),
    number: `INV-${random.int(10000, 99999)}`,
  };
  const subject = fill(template.subject, values);
  const paragraphs = template.paragraphs.map((paragraph) => fill(paragraph, values));
  const bodyText = paragraphs.join('\n\n');
  const bodyHtml = sanitizeEmailHtml(
    paragraphs.map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`).join(''),
  );
  const id = newId();
  const from = inbound
    ? { email: contact.email, name: contact.first }
    : { email: user.email, name: user.name };
  const to = inbound ? { email: user.email, name: user.name } : { email: contact.email, name: contact.first };
  rows.add('activities', {
    org_id: orgId,
    id,
    type: 'email',
    message_key: `demo-${id}@${DEMO_DOMAIN}`,
    subject,
    snippet: snippetOf(bodyText),
    occurred_at: occurredAt,
    owner_id: user.id,
    private: false,
  });
  rows.add('email_messages', {
    org_id: orgId,
    activity_id: id,
    message_id: `demo-${id}@${DEMO_DOMAIN}`,
    from_email: from.email,
    from_name: from.name,
    to_recipients: JSON.stringify([to]),
    cc_recipients: '[]',
    sent_at: occurredAt,
    body_text: bodyText,
    body_html: bodyHtml,
    attachments: JSON.stringify(
      template.subject.startsWith('Proposal')
        ? [{ name: 'proposal.pdf', contentType: 'application/pdf', size: 184_320 }]
        : [],
    ),
    source: random.pick(['outlook', 'gmail'] as const),
    filed_by: user.id,
    filed_at: new Date(occurredAt.getTime() + 3600 * 1000),
  });
  link(rows, orgId, id, 'email', occurredAt, user.id, refs);
}

export async function insertAll(trx: Knex.Transaction, rows: DemoRows): Promise<void> {
  for (const [table, tableRows] of rows.tables) {
    for (let start = 0; start < tableRows.length; start += 500) {
      await trx(table).insert(tableRows.slice(start, start + 500));
    }
  }
}
