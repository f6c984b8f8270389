import { afterEach, describe, expect, it } from 'vitest';
import { pageStorage } from './page-session.js';

const scope = globalThis as { window?: unknown };

afterEach(() => {
  delete scope.window;
});

describe('where the pane keeps its session', () => {
  it('when the browser refuses storage to the embedded page, then a storage for the page’s lifetime stands in', () => {
    scope.window = {
      get localStorage(): never {
        throw new Error('SecurityError: access is denied for this document');
      },
    };
    const storage = pageStorage();
    storage.setItem('inbox-crm.session', '{"accessToken":"a"}');
    expect(storage.getItem('inbox-crm.session')).toBe('{"accessToken":"a"}');
    storage.removeItem('inbox-crm.session');
    expect(storage.getItem('inbox-crm.session')).toBeNull();
  });

  it('when the browser has storage for the page, then that is used', () => {
    const local = new Map<string, string>([['inbox-crm.session', 'kept']]);
    const localStorage = {
      getItem: (key: string) => local.get(key) ?? null,
      setItem: (key: string, value: string) => local.set(key, value),
      removeItem: (key: string) => local.delete(key),
    };
    scope.window = { localStorage };
    expect(pageStorage()).toBe(localStorage);
  });
});
