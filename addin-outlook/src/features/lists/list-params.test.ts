import { describe, expect, it } from 'vitest';
import { isFiltered, listQueryOf, searchOf } from './list-params.js';

describe('list filters in the address', () => {
  it('reads each list’s own filters, repeated values as a list and booleans as booleans', () => {
    expect(
      listQueryOf(
        'opportunities',
        '?owner=me&status=open&status=won&closeFrom=2027-01-01&sort=-amount&stray=1',
      ),
    ).toEqual({ owner: 'me', status: ['open', 'won'], closeFrom: '2027-01-01', sort: '-amount' });
    expect(listQueryOf('tasks', '?done=false&overdue=true&priority=high')).toEqual({
      done: false,
      overdue: true,
      priority: 'high',
    });
    // A filter of another list is not this list's: accounts have no status.
    expect(listQueryOf('accounts', '?status=open&deleted=true&q=acme')).toEqual({ deleted: true, q: 'acme' });
  });

  it('writes a query back as the same address, leaving out what is unset', () => {
    const query = { owner: 'team', stageId: ['a', 'b'], q: '', closeTo: undefined, done: false };
    expect(searchOf(query)).toBe('?owner=team&stageId=a&stageId=b&done=false');
    expect(listQueryOf('opportunities', searchOf({ owner: 'team', stageId: ['a', 'b'] }))).toEqual({
      owner: 'team',
      stageId: ['a', 'b'],
    });
    expect(searchOf({})).toBe('');
  });

  it('tells a filtered list from a merely sorted one', () => {
    expect(isFiltered({ sort: '-name' })).toBe(false);
    expect(isFiltered({ sort: '-name', owner: 'me' })).toBe(true);
    expect(isFiltered({ deleted: true })).toBe(true);
  });
});
