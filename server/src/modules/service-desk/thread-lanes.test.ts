import { describe, expect, it } from 'vitest';
import { laneRuns, threadLanes, type Threaded } from './thread-lanes.js';

const message = (id: string, extra: Partial<Threaded> = {}): Threaded & { id: string } => ({
  id,
  messageId: `${id}@x`,
  inReplyTo: null,
  references: [],
  subject: `About ${id}`,
  ...extra,
});

describe('lanes of support mail', () => {
  it('when messages answer each other or quote one case, then they share a lane in order; others get lanes of their own', () => {
    const messages = [
      message('a'),
      message('b'),
      message('a1', { inReplyTo: 'a@x', references: ['a@x'] }),
      message('c', { subject: 'Re: [#12] printer' }),
      message('a2', { inReplyTo: 'a1@x', references: ['a@x', 'a1@x'] }),
      message('d', { subject: 'AW: [#12] still broken' }),
      message('e', { messageId: null }),
    ];
    const lanes = threadLanes(messages, (item) => item).map((lane) => lane.map((item) => item.id));
    expect(lanes).toEqual([['a', 'a1', 'a2'], ['b'], ['c', 'd'], ['e']]);
  });

  it('when a message cannot be read, then it has a lane of its own', () => {
    const lanes = threadLanes(['x', 'y'], () => null);
    expect(lanes).toEqual([['x'], ['y']]);
  });

  it('when lanes are joined into runs, then each lane stays whole and in order, and the runs are of about equal length', () => {
    const runs = laneRuns([['a', 'a1', 'a2'], ['b'], ['c', 'c1'], ['d'], ['e']], 2);
    expect(runs).toEqual([
      ['a', 'a1', 'a2', 'd'],
      ['b', 'c', 'c1', 'e'],
    ]);
    expect(laneRuns([['a'], ['b']], 4)).toEqual([['a'], ['b']]);
    expect(laneRuns([], 4)).toEqual([[]]);
  });
});
