import { describe, expect, it } from 'vitest';
import { autoReplyRefusal, type AutoReplyQuestion } from './auto-reply-guard.js';

const question = (
  headers: Record<string, string> = {},
  overrides: Partial<AutoReplyQuestion> = {},
): AutoReplyQuestion => ({
  headers: new Map(Object.entries(headers)),
  from: 'jane@customer.example',
  ownAddresses: ['support@ourco.example'],
  ownDomains: ['ourco.example'],
  answeredThisHour: 0,
  maxPerHour: 3,
  ...overrides,
});

describe('the loop guards of acknowledgements', () => {
  it('when a person writes, then an acknowledgement may go, also when they say Auto-Submitted: no', () => {
    expect(autoReplyRefusal(question())).toBeNull();
    expect(autoReplyRefusal(question({ 'auto-submitted': 'no' }))).toBeNull();
    expect(autoReplyRefusal(question({ precedence: 'first-class' }))).toBeNull();
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, /sent automatically/],
    [{ 'auto-submitted': 'Auto-Generated' }, /sent automatically/],
    [{ precedence: 'bulk' }, /bulk or list/],
    [{ precedence: 'List' }, /bulk or list/],
    [{ precedence: 'junk' }, /bulk or list/],
    [{ 'list-id': '<announce.lists.example>' }, /mailing list/],
    [{ precedence: 'auto_reply' }, /automatic answer/],
    [{ 'x-autoreply': 'yes' }, /not to be answered automatically/],
    [{ 'x-auto-response-suppress': 'All' }, /not to be answered automatically/],
    [{ 'return-path': '<>' }, /bounce/],
  ])('when a message carries %j, then it is not answered', (headers, reason) => {
    expect(autoReplyRefusal(question(headers))).toMatch(reason);
  });

  it.each([
    'MAILER-DAEMON@mx.customer.example',
    'postmaster@customer.example',
    'noreply@shop.example',
    'no-reply@shop.example',
    'do-not-reply@bank.example',
    'bounces+123@mailer.example',
  ])('when %s writes, then it is not answered', (from) => {
    expect(autoReplyRefusal(question({}, { from }))).toMatch(/takes no replies/);
  });

  it('when the sender is one of ours, or was answered often this hour, then it is not answered', () => {
    expect(autoReplyRefusal(question({}, { from: 'Support@OurCo.example' }))).toMatch(/our own/);
    expect(autoReplyRefusal(question({}, { from: 'ann@eu.ourco.example' }))).toMatch(/our own/);
    expect(autoReplyRefusal(question({}, { answeredThisHour: 3 }))).toMatch(/3 times in the last hour/);
    expect(autoReplyRefusal(question({}, { answeredThisHour: 2 }))).toBeNull();
  });
});
