import type { ListCount, OpportunityListRow, TaskListRow } from '@inbox-crm/shared/client';
import { formatDate, formatDay, formatMoment, formatMoney, metaLine } from '../../ui/format.js';

const numberFormat = new Intl.NumberFormat();
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' });

/** "3 open tasks", "1 open task", "More than 10,000 open tasks". */
export function countOf(count: ListCount, one: string, many: string): string {
  const noun = count.value === 1 && !count.capped ? one : many;
  return `${count.capped ? 'More than ' : ''}${numberFormat.format(count.value)} ${noun}`;
}

/** "December", the month a calendar date (2026-12-01) falls in. */
export const monthOf = (date: string) => monthFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

/** "3 Dec, 17:00" this year; "15 Jan 2099" in another, where the year matters more than the hour. */
export const momentWords = (iso: string) =>
  new Date(iso).getFullYear() === new Date().getFullYear() ? formatMoment(iso) : formatDay(iso);

/** "Overdue · was due 1 Dec, 09:00", "Due 3 Dec, 17:00" or "No due date". */
export function dueWords(task: TaskListRow): string {
  if (task.dueAt === null) return 'No due date';
  return task.overdue ? `Overdue · was due ${momentWords(task.dueAt)}` : `Due ${momentWords(task.dueAt)}`;
}

/** "Acme Ltd · Proposal · €12,500.00 · closes 12 Dec 2026". */
export function dealLine(deal: OpportunityListRow): string {
  return metaLine(
    deal.account?.name,
    deal.stage.name,
    formatMoney(deal.amountMinor, deal.currency),
    deal.closeDate ? `closes ${formatDate(deal.closeDate)}` : 'no close date',
  );
}
