/** The reminder offsets both add-ins offer on a new task, in minutes before it is due. */
export const REMINDER_CHOICES: ReadonlyArray<{ label: string; minutes: number | null }> = [
  { label: 'No reminder', minutes: null },
  { label: 'When it is due', minutes: 0 },
  { label: '1 hour before', minutes: 60 },
  { label: '1 day before', minutes: 24 * 60 },
];
