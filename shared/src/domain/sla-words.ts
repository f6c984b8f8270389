import type { SlaClock, SlaClockKind } from '../schemas/sla.js';

export const SLA_CLOCK_NAMES: Record<SlaClockKind, string> = {
  first_response: 'First answer',
  resolution: 'Resolution',
};

/** A span of time as people say it at a glance: "45 min", "3 h 20 min", "2 days". */
export function spanWords(milliseconds: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(milliseconds) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}

/** A clock in a line: "First answer due in 45 min", "Resolution overdue by 2 h", "First answer met". */
export function slaClockWords(clock: SlaClock, now: Date): string {
  const name = SLA_CLOCK_NAMES[clock.kind];
  const left = clock.dueAt === null ? 0 : Date.parse(clock.dueAt) - now.getTime();
  switch (clock.state) {
    case 'running':
    case 'warning':
      return clock.dueAt === null ? `${name}: no working time ahead` : `${name} due in ${spanWords(left)}`;
    case 'overdue':
      return `${name} overdue by ${spanWords(left)}`;
    case 'paused':
      return `${name} paused: waiting on the customer`;
    case 'met':
      return `${name} met`;
    case 'missed':
      return `${name} missed`;
  }
}
