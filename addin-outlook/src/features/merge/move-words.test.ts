import { describe, expect, it } from 'vitest';
import { moveWords } from './move-words.js';

describe('moveWords', () => {
  it('names each kind moved with its count, singular or plural, and leaves out what does not move', () => {
    expect(
      moveWords({
        activities: 3,
        tasks: 1,
        opportunities: 0,
        cases: 2,
        planEnrollments: 0,
        contacts: 0,
        emailAddresses: 1,
        phones: 0,
        domains: 0,
        consents: 0,
      }),
    ).toEqual(['3 timeline entries (mail, calls, meetings, notes)', '2 cases', '1 task', '1 email address']);
  });
});
