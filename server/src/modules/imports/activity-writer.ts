import {
  ActivityCreate,
  ActivityUpdate,
  CALL_DIRECTIONS,
  type Activity,
  type RecordRef,
} from '@inbox-crm/shared';
import { activitiesService } from '../activities/index.js';
import { choiceIn, dateTimeIn, text, wholeNumberIn } from './cell-values.js';
import type { Company } from './company.js';
import { rememberExternalId } from './external-ids.js';
import { externalIdIn, findByExternalId } from './external-match.js';
import { RowRefused } from './outcome.js';
import { checked, differing, type RecordWriter } from './record-writer.js';
import { contactEmailIn, relatedOfRow } from './related-records.js';

type CallDirection = (typeof CALL_DIRECTIONS)[number];

interface ActivityRow {
  externalId: string;
  occurredAt: string;
  subject: string | undefined;
  body: string | undefined;
  durationMinutes: number | undefined;
  direction: CallDirection | undefined;
  outcome: string | undefined;
  company: Company;
  contactEmail: string | undefined;
}

/** A subject for a row without one: the first line of its text, or what it is. */
function subjectOf(row: ActivityRow, type: 'note' | 'call'): string {
  const firstLine = row.body?.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine !== '') return firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine;
  return type === 'note' ? 'Note' : 'Call';
}

/** Notes and calls, with the date they happened, matched by the id the old system gave them. */
export function activityWriter(type: 'note' | 'call'): RecordWriter<ActivityRow, Activity> {
  return {
    table: 'activities',
    read(values, context) {
      const occurredAt = dateTimeIn(values, 'date', 'Date', context.settings.dateFormat);
      if (occurredAt === undefined)
        throw new RowRefused(`The date is empty: ${type}s keep when they happened.`);
      return {
        externalId: externalIdIn(values),
        occurredAt: occurredAt.toUTC().toISO()!,
        subject: text(values, 'subject', 'Subject', 500),
        body: text(values, 'body', type === 'note' ? 'Text' : 'Notes', 100_000),
        durationMinutes: wholeNumberIn(values, 'duration', 'Duration', 0, 24 * 60),
        direction: choiceIn(values, 'direction', 'Direction', CALL_DIRECTIONS),
        outcome: text(values, 'outcome', 'Outcome', 200),
        company: { name: text(values, 'account', 'Company', 200), domain: null },
        contactEmail: contactEmailIn(values),
      };
    },
    label: (row) => row.subject ?? row.externalId,
    key: (row) => row.externalId,
    find: (trx, context, row) =>
      findByExternalId(trx, context, type, row.externalId, (db, actor, id) =>
        activitiesService.get(db, actor, id),
      ),
    async create(trx, context, row) {
      if (type === 'note' && row.body === undefined)
        throw new RowRefused('The text is empty: a note needs some.');
      const { contactId, accountId, createdAccountId } = await relatedOfRow(trx, context, row, true);
      const links: RecordRef[] = [
        ...(contactId ? [{ type: 'contact' as const, id: contactId }] : []),
        ...(accountId ? [{ type: 'account' as const, id: accountId }] : []),
      ];
      if (links.length === 0)
        throw new RowRefused(`The row names no contact or company to file the ${type} to.`);
      const activity = await activitiesService.create(
        trx,
        context.actor,
        checked(ActivityCreate, {
          type,
          links,
          subject: row.subject ?? subjectOf(row, type),
          body: row.body ?? null,
          occurredAt: row.occurredAt,
          ...(type === 'call'
            ? {
                durationMinutes: row.durationMinutes ?? null,
                direction: row.direction ?? null,
                outcome: row.outcome ?? null,
              }
            : {}),
        }),
      );
      await rememberExternalId(trx, context.actor.orgId, type, row.externalId, activity.id);
      return { id: activity.id, createdAccountId };
    },
    changes(_trx, _context, row, existing) {
      if (existing.type !== type)
        throw new RowRefused(`The id ${row.externalId} names a ${existing.type} here, not a ${type}.`);
      const fields = differing(existing, {
        subject: row.subject,
        body: row.body,
        occurredAt: row.occurredAt,
        ...(type === 'call'
          ? { durationMinutes: row.durationMinutes, direction: row.direction, outcome: row.outcome }
          : {}),
      });
      return Promise.resolve({ fields, createdAccountId: null });
    },
    get: (trx, actor, id) => activitiesService.get(trx, actor, id),
    update: (trx, actor, id, fields) =>
      activitiesService.update(trx, actor, id, checked(ActivityUpdate, fields as ActivityUpdate)),
  };
}
