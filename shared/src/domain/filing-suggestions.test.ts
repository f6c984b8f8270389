import { describe, expect, it } from 'vitest';
import type { MessageFiling, SenderView } from '../schemas/lookup.js';
import { preselectedKeys, suggestedChoices } from './filing-suggestions.js';

const id = (n: number) => `0190f0a0-0000-7000-8000-00000000000${n}`;
const view = {
  address: 'jane@acme.example',
  contact: { id: id(1), name: 'Jane Doe' },
  account: { id: id(2), name: 'Acme' },
  opportunities: [{ id: id(3), name: 'Renewal', stage: 'Proposal', amountMinor: 120_000, currency: 'EUR' }],
  cases: [{ id: id(4), subject: 'Broken invoice', status: 'open', priority: 'high' }],
} as unknown as SenderView;
const filing = (links: MessageFiling['links'], suggestedLinks: MessageFiling['suggestedLinks'] = []) =>
  ({ links, suggestedLinks }) as MessageFiling;

describe('what a record picker offers', () => {
  it('when the sender is a known contact, then contact, account, open opportunities and cases are offered, contact and account ticked', () => {
    const choices = suggestedChoices(view, null, { locale: 'en-GB' });
    expect(choices.map((choice) => choice.type)).toEqual(['contact', 'account', 'opportunity', 'case']);
    expect(choices[2]!.detail).toMatch(/^Proposal · .*1,200\.00/);
    expect(choices[3]!.detail).toBe('Open · High');
    expect([...preselectedKeys(view, null)]).toEqual([`contact:${id(1)}`, `account:${id(2)}`]);
  });

  it('when the thread was filed before, then its records are offered once and ticked, and records already linked are not ticked again', () => {
    const state = filing(
      [{ type: 'account', id: id(2), name: 'Acme' }],
      [
        { type: 'case', id: id(4), name: 'Broken invoice' },
        { type: 'case', id: id(5), name: 'Other' },
      ],
    );
    const choices = suggestedChoices(view, state);
    expect(choices.map((choice) => choice.id)).toEqual([id(1), id(2), id(3), id(4), id(5)]);
    expect([...preselectedKeys(view, state)]).toEqual([`contact:${id(1)}`, `case:${id(4)}`, `case:${id(5)}`]);
    // Mail among colleagues is never filed by its thread: nothing of the thread starts ticked.
    expect([...preselectedKeys(view, { ...state, internal: true })]).toEqual([`contact:${id(1)}`]);
  });

  it('when others are on the message, then their contacts and accounts follow, unticked and each once', () => {
    const other = (n: number, account: number | null) =>
      ({
        address: `p${n}@beta.example`,
        contact: { id: id(n), name: `Person ${n}` },
        account: account === null ? null : { id: id(account), name: `Company ${account}` },
      }) as unknown as SenderView;
    const choices = suggestedChoices(view, null, { others: [other(6, 7), other(8, 7), other(9, 2)] });
    expect(choices.map((choice) => `${choice.type}:${choice.name}`)).toEqual([
      'contact:Jane Doe',
      'account:Acme',
      'opportunity:Renewal',
      'case:Broken invoice',
      'contact:Person 6',
      'account:Company 7',
      'contact:Person 8',
      'contact:Person 9',
    ]);
    expect(choices[4]!.detail).toBe('p6@beta.example');
    expect([...preselectedKeys(view, null)]).toEqual([`contact:${id(1)}`, `account:${id(2)}`]);
  });
});
