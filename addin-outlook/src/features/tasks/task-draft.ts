import type { Task, TaskCreate, TaskPriority } from '@inbox-crm/shared/client';
import { dayAfter, dueAtFor } from '../quick-actions/due-dates.js';

/** The records a task can concern, by the field that holds each. */
export const TASK_LINKS = [
  { key: 'accountId', type: 'account', label: 'Account' },
  { key: 'contactId', type: 'contact', label: 'Contact' },
  { key: 'opportunityId', type: 'opportunity', label: 'Opportunity' },
  { key: 'caseId', type: 'case', label: 'Case' },
] as const;

export type TaskLinks = Partial<Record<(typeof TASK_LINKS)[number]['key'], string | null>>;

/** A task form's fields as its controls hold them. */
export interface TaskDraft {
  title: string;
  notes: string;
  /** The local calendar day it is due, YYYY-MM-DD, or '' for none. */
  day: string;
  priority: TaskPriority;
  assigneeId: string;
  reminder: string;
  links: Record<(typeof TASK_LINKS)[number]['key'], string>;
}

const noLinks = { accountId: '', contactId: '', opportunityId: '', caseId: '' };

export function newTaskDraft(assigneeId: string, links: TaskLinks = {}): TaskDraft {
  return {
    title: '',
    notes: '',
    day: dayAfter(new Date(), 1),
    priority: 'normal',
    assigneeId,
    reminder: '',
    links: { ...noLinks, ...Object.fromEntries(Object.entries(links).map(([key, id]) => [key, id ?? ''])) },
  };
}

export function draftOfTask(task: Task): TaskDraft {
  return {
    title: task.title,
    notes: task.notes ?? '',
    day: task.dueAt ? dayAfter(new Date(task.dueAt), 0) : '',
    priority: task.priority,
    assigneeId: task.assigneeId ?? '',
    reminder: task.reminderMinutes === null ? '' : String(task.reminderMinutes),
    links: {
      accountId: task.accountId ?? '',
      contactId: task.contactId ?? '',
      opportunityId: task.opportunityId ?? '',
      caseId: task.caseId ?? '',
    },
  };
}

/** The body a draft describes. The due day keeps the time of day a task already had. */
export function taskBodyOf(draft: TaskDraft, before?: Task): TaskCreate {
  const keepsDay = before?.dueAt && draft.day === dayAfter(new Date(before.dueAt), 0);
  return {
    title: draft.title.trim(),
    notes: draft.notes.trim() || null,
    dueAt: keepsDay ? before.dueAt : dueAtFor(draft.day),
    // The zone the day was picked in: reminders and "overdue" follow the user's own day.
    timeZone: keepsDay ? before.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone,
    priority: draft.priority,
    assigneeId: draft.assigneeId || null,
    reminderMinutes: draft.reminder === '' ? null : Number(draft.reminder),
    accountId: draft.links.accountId || null,
    contactId: draft.links.contactId || null,
    opportunityId: draft.links.opportunityId || null,
    caseId: draft.links.caseId || null,
  };
}

/** What an edit changed, so a save sends only that (with the version it was opened at). */
export function taskChanges(before: Task, draft: TaskDraft): Partial<TaskCreate> {
  const was = taskBodyOf(draftOfTask(before), before) as Record<string, unknown>;
  const now = taskBodyOf(draft, before) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(was[key])),
  );
}
