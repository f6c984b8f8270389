import { describe, expect, it } from 'vitest';
import { threadLanes, type Threaded } from './thread-lanes.js';

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
});
