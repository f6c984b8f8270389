import { caseNumberInSubject } from '@inbox-crm/shared';

/** What a message says of the conversation it belongs to. */
export interface Threaded {
  messageId: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  subject: string;
}

/**
 * Splits messages (in the order they arrived) into lanes that may be taken in side by side: a
 * message and its replies, and messages quoting the same case number, share a lane and keep their
 * order, so a reply is never taken in before the message that opened its case.
 */
export function threadLanes<T>(items: readonly T[], threadOf: (item: T) => Threaded | null): T[][] {
  const lanes: T[][] = [];
  const laneOf = new Map<string, number>();
  for (const item of items) {
    const thread = threadOf(item);
    const keys = thread
      ? [
          ...thread.references,
          ...(thread.inReplyTo ? [thread.inReplyTo] : []),
          ...(thread.messageId ? [thread.messageId] : []),
          ...(caseNumberInSubject(thread.subject) !== null
            ? [`#${caseNumberInSubject(thread.subject)}`]
            : []),
        ]
      : [];
    const known = keys.map((key) => laneOf.get(key)).find((lane) => lane !== undefined);
    const lane = known ?? lanes.push([]) - 1;
    lanes[lane]!.push(item);
    for (const key of keys) if (!laneOf.has(key)) laneOf.set(key, lane);
  }
  return lanes;
}

/**
 * Joins lanes into at most `count` runs of about equal length, each lane whole and in order within
 * its run: the runs may then be taken in side by side, each several messages to a transaction.
 */
export function laneRuns<T>(lanes: readonly T[][], count: number): T[][] {
  const runs: T[][] = Array.from({ length: Math.max(1, Math.min(count, lanes.length)) }, () => []);
  for (const lane of lanes) {
    const shortest = runs.reduce((best, run) => (run.length < best.length ? run : best));
    shortest.push(...lane);
  }
  return runs;
}

/** Runs the work on every item, at most `limit` at once. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
