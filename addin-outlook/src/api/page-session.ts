import {
  createApiClient,
  webSessionStore,
  type ApiClient,
  type ApiError,
  type KeyValueStorage,
  type User,
} from '@inbox-crm/shared/client';

/** The page's API client with its stored session, and word of a session that ended for good. */
export interface PageSession {
  api: ApiClient;
  /** The signed-in user as stored with the session; null when signed out. */
  storedUser(): User | null;
  /**
   * The signed-in user as the server knows them now (an admin may have changed their role or team
   * since they signed in), kept with the session; null when signed out.
   */
  currentUser(): Promise<User | null>;
  onSignedOut(listener: (reason: ApiError) => void): () => void;
}

/**
 * The page's own storage, or one that lasts as long as the page where the browser refuses storage
 * to an embedded page (blocked site data): signing in then works until the pane closes.
 */
export function pageStorage(): KeyValueStorage {
  try {
    const storage = window.localStorage;
    storage.getItem('inbox-crm.session');
    return storage;
  } catch {
    const values = new Map<string, string>();
    return {
      getItem: (key) => values.get(key) ?? null,
      setItem: (key, value) => void values.set(key, value),
      removeItem: (key) => void values.delete(key),
    };
  }
}

/**
 * The session lives in the page's own storage for the server's origin, never in Outlook's
 * roamingSettings, which every other client of the mailbox can read.
 */
export function createPageSession(storage: KeyValueStorage, fetchImpl?: typeof fetch): PageSession {
  const store = webSessionStore(storage);
  const listeners = new Set<(reason: ApiError) => void>();
  const api = createApiClient({
    baseUrl: '',
    store,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    onSignedOut: (reason) => listeners.forEach((listener) => listener(reason)),
  });
  return {
    api,
    storedUser: () => store.load()?.user ?? null,
    async currentUser() {
      if (!api.isSignedIn()) return null;
      const user = await api.me();
      const stored = store.load();
      if (stored !== null) store.save({ ...stored, user });
      return user;
    },
    onSignedOut(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
