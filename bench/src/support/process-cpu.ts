import { readdirSync, readFileSync } from 'node:fs';

// /proc/<pid>/stat counts in clock ticks, which Linux fixes at 100 a second for user space.
const MICROS_PER_TICK = 10_000;

interface ProcessStat {
  name: string;
  parent: number;
  /** User and system time, in µs. */
  micros: number;
  /** The time of its children that exited and were waited for, in µs. */
  childrenMicros: number;
}

/** A process's name, parent and CPU times from /proc; null where there is no /proc. */
function statOf(pid: number | string): ProcessStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name, in parentheses, may hold spaces: the other fields are counted after it.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      name: stat.slice(stat.indexOf('(') + 1, close),
      parent: Number(fields[1]),
      micros: (Number(fields[11]) + Number(fields[12])) * MICROS_PER_TICK,
      childrenMicros: (Number(fields[13]) + Number(fields[14])) * MICROS_PER_TICK,
    };
  } catch {
    return null;
  }
}

/** The CPU time one process has used so far, in µs (Linux only, else null). */
export function cpuMicrosOf(pid: number | undefined): number | null {
  return pid === undefined ? null : (statOf(pid)?.micros ?? null);
}

/**
 * The CPU time used so far by a server of many processes of one name (e.g. `postgres`, when the
 * database runs on this machine), in µs; null without /proc. Each live process counts, and the
 * children its first process waited for (a backend that ended meanwhile).
 */
export function cpuMicrosOfProcessesNamed(name: string): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const named = new Map<number, ProcessStat>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat?.name === name) named.set(Number(entry), stat);
  }
  let total = 0;
  for (const stat of named.values()) {
    total += stat.micros + (named.has(stat.parent) ? 0 : stat.childrenMicros);
  }
  return total;
}
