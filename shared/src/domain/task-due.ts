/** Whether an open task's due time has passed; the pane and the Gmail card flag such tasks. */
export function isOverdue(dueAt: string | null, now: Date = new Date()): boolean {
  return dueAt !== null && Date.parse(dueAt) < now.getTime();
}
