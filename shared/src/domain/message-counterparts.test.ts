import { describe, expect, it } from 'vitest';
import { messageCounterparts } from './message-counterparts.js';

const party = (email: string, name: string | null = null) => ({ email, name });

describe('message counterparts', () => {
  it('when the mail was received, then its sender comes first and the other recipients follow', () => {
    const parties = {
      from: party('Jane@Acme.com', 'Jane'),
      to: [party('me@us.com'), party('bob@beta.com', 'Bob')],
      cc: [party('x@y.com'), party('JANE@acme.com', 'Jane again')],
    };
    expect(messageCounterparts(parties, ['me@us.com'])).toEqual([
      party('jane@acme.com', 'Jane'),
      party('bob@beta.com', 'Bob'),
      party('x@y.com'),
    ]);
  });

  it('when the mailbox sent it, then the counterparts are the recipients without the mailbox itself', () => {
    const parties = {
      from: party('ME@us.com'),
      to: [party('a@acme.com', 'A'), party('me@us.com')],
      cc: [party('B@beta.com'), party('a@ACME.com', 'A again')],
    };
    expect(messageCounterparts(parties, ['me@us.com'])).toEqual([
      party('a@acme.com', 'A'),
      party('b@beta.com'),
    ]);
  });

  it('when a shared mailbox sent it, then its address counts as the mailbox own', () => {
    const parties = { from: party('sales@us.com'), to: [party('c@gamma.com')], cc: [] };
    expect(messageCounterparts(parties, ['me@us.com', 'sales@us.com'])).toEqual([party('c@gamma.com')]);
  });

  it('when a draft has no sender yet, then its recipients are the counterparts', () => {
    expect(messageCounterparts({ from: null, to: [party('d@delta.com')], cc: [] }, ['me@us.com'])).toEqual([
      party('d@delta.com'),
    ]);
  });
});
