import { describe, expect, it } from 'vitest';
import { routeOf } from './console-route.js';

const id = '0190f0a0-0000-7000-8000-00000000000A';

describe('console deep links', () => {
  it.each([
    ['/app/', '', { page: 'home' }],
    ['/app', '?q=acme%20ltd', { page: 'search', query: 'acme ltd' }],
    ['/app/search', '', { page: 'search', query: '' }],
    ['/app/search/', '?q=northwind', { page: 'search', query: 'northwind' }],
    ['/app/tasks', '', { page: 'tasks' }],
    ['/app/mail/', '', { page: 'mail' }],
    ['/app/service-desk', '', { page: 'serviceDesk' }],
    ['/app/imports', '?type=opportunity', { page: 'imports', recordType: 'opportunity' }],
    ['/app/imports', '?type=planets', { page: 'imports', recordType: null }],
    [`/app/imports/${id}`, '', { page: 'import', id: id.toLowerCase() }],
    [`/app/emails/${id}`, '', { page: 'email', id: id.toLowerCase() }],
    [
      `/app/opportunities/${id}`,
      '',
      { page: 'record', record: { type: 'opportunity', id: id.toLowerCase() } },
    ],
    ['/app/contacts/not-an-id', '', { page: 'not-found' }],
  ])('when the path is %s%s, then the page is %j', (path, search, route) => {
    expect(routeOf(path, search)).toEqual(route);
  });
});
