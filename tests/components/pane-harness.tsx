import { cleanup, render } from '@testing-library/react';
import {
  App,
  connectMailbox,
  createPageSession,
  installFakeOffice,
  type FakeOfficeSetup,
  type PageSession,
} from '@inbox-crm/addin-outlook';

const SESSION_KEY = 'inbox-crm.session';

interface PaneOptions {
  /** Signs in before the pane renders; without it the pane starts at the sign-in form. */
  signIn?: { email: string; password: string };
  fetch?: typeof fetch;
}

// Sign-in is throttled per address, so each test file signs each user in once and reuses the session.
const sessions = new Map<string, string>();

async function signInOnce(session: PageSession, email: string, password: string): Promise<void> {
  const known = sessions.get(email);
  if (known) return window.localStorage.setItem(SESSION_KEY, known);
  await session.api.signIn(email, password);
  sessions.set(email, window.localStorage.getItem(SESSION_KEY)!);
}

/** The task pane in happy-dom at the server's own origin, inside a fake Outlook host. */
export async function openPane(serverUrl: string, setup: FakeOfficeSetup, options: PaneOptions = {}) {
  const page = window as unknown as { happyDOM: { setURL(url: string): void } };
  page.happyDOM.setURL(`${serverUrl}/outlook/`);
  const control = installFakeOffice(setup);
  const connection = await connectMailbox();
  const session = createPageSession(window.localStorage, options.fetch);
  if (options.signIn) await signInOnce(session, options.signIn.email, options.signIn.password);
  render(<App surface={{ kind: 'pane', connection }} session={session} />);
  return { control, session };
}

/** Unmounts the pane and forgets the host and the stored session. */
export function closePane(): void {
  cleanup();
  window.localStorage.clear();
  delete (globalThis as { Office?: unknown }).Office;
}
