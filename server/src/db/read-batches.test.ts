import { describe, expect, it } from 'vitest';
import { ReadBatches } from './read-batches.js';

/** A read whose statements the test finishes by hand, recording what each was asked. */
function heldReads() {
  const statements: { parts: number[]; finish(error?: Error): void }[] = [];
  const run = (parts: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      statements.push({
        parts,
        finish: (error) => (error ? reject(error) : resolve(parts.map((part) => part * 10))),
      });
    });
  return { statements, run };
}

/** Lets finished statements' callbacks run (answers, then the next statement). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('reads asked together', () => {
  it('when more asks come than may run, then the rest wait and go together, each answered its own', async () => {
    const batches = new ReadBatches<number, number>({ maxInFlight: 1, maxSize: 10 }, () => 1);
    const { statements, run } = heldReads();
    const answers = [1, 2, 3, 4].map((part) => batches.ask('org', part, run));
    expect(statements.map((statement) => statement.parts)).toEqual([[1]]);
    statements[0]!.finish();
    await settled();
    expect(statements.map((statement) => statement.parts)).toEqual([[1], [2, 3, 4]]);
    statements[1]!.finish();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40]);
  });

  it('when a statement would grow past its size, then the rest wait for the next', async () => {
    const batches = new ReadBatches<number, number>({ maxInFlight: 1, maxSize: 5 }, (part) => part);
    const { statements, run } = heldReads();
    const answers = [1, 2, 3, 4].map((part) => batches.ask('org', part, run));
    statements[0]!.finish();
    await settled();
    statements[1]!.finish();
    await settled();
    statements[2]!.finish();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40]);
    expect(statements.map((statement) => statement.parts)).toEqual([[1], [2, 3], [4]]);
  });

  it('when a statement fails, then only its asks fail, and the next asks still run', async () => {
    const batches = new ReadBatches<number, number>({ maxInFlight: 1, maxSize: 10 }, () => 1);
    const { statements, run } = heldReads();
    const first = batches.ask('org', 1, run);
    const failing = [2, 3].map((part) => batches.ask('org', part, run));
    statements[0]!.finish();
    expect(await first).toBe(10);
    await settled();
    statements[1]!.finish(new Error('connection lost'));
    for (const answer of failing) await expect(answer).rejects.toThrow('connection lost');
    await settled();
    const later = batches.ask('org', 4, run);
    statements[2]!.finish();
    expect(await later).toBe(40);
  });

  it('when asks have different keys, then they never share a statement', () => {
    const batches = new ReadBatches<number, number>({ maxInFlight: 1, maxSize: 10 }, () => 1);
    const { statements, run } = heldReads();
    void batches.ask('org-a', 1, run);
    void batches.ask('org-b', 2, run);
    expect(statements.map((statement) => statement.parts)).toEqual([[1], [2]]);
  });
});
