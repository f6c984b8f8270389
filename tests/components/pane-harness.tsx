import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import { expect, inject } from 'vitest';
import {
  App,
  connectMailbox,
  createPageSession,
  installFakeOffice,
  type FakeOfficeSetup,
} from '@inbox-crm/addin-outlook';
import {
  createApiClient,
  memorySessionStore,
  webSessionStore,
  type ApiClient,
} from '@inbox-crm/shared/client';

// A page's first render waits for Vite to transform its code on demand (the console is a lazy
// chunk), which takes seconds on a busy machine: findBy… and waitFor wait up to five.
configure({ asyncUtilTimeout: 5_000 });

interface Credentials {
  email: string;
  password: string;
}

interface PaneOptions {
  /** Signs in before the pane renders; without it the pane starts at the sign-in form. */
  signIn?: Credentials;
  /**
   * Signs in anew instead of using the run's shared session: for a test that ends its session,
   * which would otherwise sign that user out of every other test file at once.
   */
  ownSession?: boolean;
  fetch?: typeof fetch;
}

/** Pages and API calls of a test share the server's origin, as the pane does inside Outlook. */
function atServerOrigin(serverUrl: string, path = '/outlook/'): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${serverUrl}${path}`);
}

// Sign-in is throttled per address: the run's users come signed in (see server-setup), and anyone
// else is signed in once per test file.
const sessions = new Map<string, ReturnType<ReturnType<typeof memorySessionStore>['load']>>(
  Object.entries(inject('paneServer').sessions),
);

async function newSession(serverUrl: string, { email, password }: Credentials) {
  const store = memorySessionStore();
  await createApiClient({ baseUrl: serverUrl, store }).signIn(email, password);
  return store.load();
}

async function sessionOf(serverUrl: string, credentials: Credentials) {
  if (!sessions.has(credentials.email))
    sessions.set(credentials.email, await newSession(serverUrl, credentials));
  return sessions.get(credentials.email)!;
}

/** The typed API client, signed in as a user: for a test's own data and its checks. */
export async function apiAs(serverUrl: string, credentials: Credentials): Promise<ApiClient> {
  atServerOrigin(serverUrl);
  return createApiClient({
    baseUrl: serverUrl,
    store: memorySessionStore(await sessionOf(serverUrl, credentials)),
  });
}

/** The task pane in happy-dom at the server's own origin, inside a fake Outlook host. */
export async function openPane(serverUrl: string, setup: FakeOfficeSetup, options: PaneOptions = {}) {
  atServerOrigin(serverUrl);
  const control = installFakeOffice(setup);
  const connection = await connectMailbox();
  if (options.signIn) {
    const session = options.ownSession
      ? await newSession(serverUrl, options.signIn)
      : await sessionOf(serverUrl, options.signIn);
    webSessionStore(window.localStorage).save(session!);
  }
  const session = createPageSession(window.localStorage, options.fetch);
  render(<App surface={{ kind: 'pane', connection }} session={session} />);
  return { control, session };
}

/** The console in happy-dom at a path of the server's, signed in. */
export async function openConsole(serverUrl: string, path: string, credentials: Credentials) {
  atServerOrigin(serverUrl, path);
  webSessionStore(window.localStorage).save((await sessionOf(serverUrl, credentials))!);
  render(<App surface={{ kind: 'console' }} session={createPageSession(window.localStorage)} />);
  // The console is its own chunk, compiled on first use: on a busy machine that outlasts findBy's second.
  await waitFor(() => expect(screen.queryByText('Loading the console…')).toBeNull(), { timeout: 30_000 });
}

/** Unmounts the app and forgets the host and the stored session. */
export function closePane(): void {
  cleanup();
  window.localStorage.clear();
  delete (globalThis as { Office?: unknown }).Office;
}
