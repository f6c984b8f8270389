import type { ErasureResult } from '@inbox-crm/shared/client';

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What an erasure did, in words: "2 contacts deleted", "3 emails kept without them"… */
export function erasureWords(result: ErasureResult): string[] {
  return [
    counted(result.contactsDeleted, 'contact deleted', 'contacts deleted'),
    counted(result.emailsDeleted, 'email they alone were on deleted', 'emails they alone were on deleted'),
    counted(
      result.activitiesDeleted,
      'call, meeting or note about them deleted',
      'calls, meetings and notes about them deleted',
    ),
    counted(result.tasksDeleted, 'task about them deleted', 'tasks about them deleted'),
    counted(
      result.activitiesRedacted,
      'email or note kept without them',
      'emails and notes kept without them',
    ),
    counted(
      result.recordsRedacted,
      'task, deal or case kept without them',
      'tasks, deals and cases kept without them',
    ),
    counted(result.addressesSuppressed, 'address suppressed', 'addresses suppressed'),
  ];
}
