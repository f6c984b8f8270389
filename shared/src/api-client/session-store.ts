import type { Session } from '../schemas/auth.js';

/**
 * Where a signed-in session is kept. The Outlook pane keeps it in the browser's storage for its
 * origin (never in roamingSettings, which other clients of the mailbox can read).
 */
export interface SessionStore {
  load(): Session | null;
  save(session: Session): void;
  clear(): void;
}

/** A store that forgets on reload: for tests and integrations. */
export function memorySessionStore(initial: Session | null = null): SessionStore {
  let session = initial;
  return {
    load: () => session,
    save: (next) => {
      session = next;
    },
    clear: () => {
      session = null;
    },
  };
}

/** What a store needs of Web Storage (localStorage or sessionStorage). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A store over Web Storage under one key. */
export function webSessionStore(storage: KeyValueStorage, key = 'inbox-crm.session'): SessionStore {
  return {
    load: () => {
      const raw = storage.getItem(key);
      if (raw === null) return null;
      try {
        return JSON.parse(raw) as Session;
      } catch {
        storage.removeItem(key);
        return null;
      }
    },
    save: (session) => storage.setItem(key, JSON.stringify(session)),
    clear: () => storage.removeItem(key),
  };
}
