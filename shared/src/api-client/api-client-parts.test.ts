import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { queryString } from './query-string.js';
import { webSessionStore } from './session-store.js';

describe('query strings', () => {
  it('repeat arrays, leave out what is absent and encode values', () => {
    expect(
      queryString({
        email: ['a@x.example', 'b@x.example'],
        phone: undefined,
        messageId: '<m@x>',
        limit: 5,
        deleted: false,
      }),
    ).toBe('?email=a%40x.example&email=b%40x.example&messageId=%3Cm%40x%3E&limit=5&deleted=false');
    expect(queryString({ q: null })).toBe('');
  });
});

describe('the web session store', () => {
  it('keeps a session under one key and drops a value it cannot read', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
      removeItem: (key: string) => void data.delete(key),
    };
    const store = webSessionStore(storage, 'session');
    const session = { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: { id: 'u' } } as never;
    store.save(session);
    expect(store.load()).toEqual(session);
    data.set('session', '{not json');
    expect(store.load()).toBeNull();
    expect(data.has('session')).toBe(false);
  });
});

describe('API errors', () => {
  it('read the server’s error body, and make do with a body that is not one', () => {
    expect(
      ApiError.fromBody(409, {
        error: 'stale_version',
        message: 'Reload.',
        details: [{ currentVersion: 3 }],
      }),
    ).toMatchObject({
      status: 409,
      code: 'stale_version',
      message: 'Reload.',
      details: [{ currentVersion: 3 }],
      retryable: false,
      needsSignIn: false,
    });
    expect(ApiError.fromBody(502, null)).toMatchObject({
      code: 'bad_response',
      message: 'The server answered 502.',
      retryable: true,
    });
  });
});
