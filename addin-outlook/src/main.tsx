import { createPageSession, pageStorage, type PageSession } from './api/page-session.js';
import type { Surface } from './app.js';
import { drawFirstView } from './features/pane/first-view.js';
import { handOverFirstView, showFirstView } from './features/pane/first-view-slot.js';
import { FIRST_VIEW_DARK, FIRST_VIEW_LIGHT } from './features/pane/first-view-theme.js';
import { startPane, type FirstAnswer } from './features/pane/pane-start.js';
import type { Mailbox } from './office/open-message.js';
import type * as AppModule from './app-root.js';
import { connectMailbox } from './office/office-mailbox.js';

// How long the app is held back for the first view before it loads anyway. The app would wait for
// the same answer to show the record, so holding it costs only its own evaluation, and never more
// than this on a slow answer (whose first view, if the app has not shown the record by then, is
// still painted when it comes).
const FIRST_VIEW_WAIT_MS = 500;

// The pane's first module runs as soon as it arrives (the server marks it async, so that Office.js
// need not wait for it): the page's own scripts (Office.js) and elements are there only from here.
const documentParsed = () =>
  document.readyState === 'loading'
    ? new Promise<void>((resolve) =>
        document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
      )
    : Promise.resolve();

const waited = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// A task queued from an animation frame runs once that frame is painted.
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

const prefersDark = (mailbox: Mailbox) =>
  mailbox.prefersDark ?? window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

/** Paints the sender's record without React, unless the app has shown its own first. */
async function paintFirstView(mailbox: Mailbox, first: FirstAnswer, session: PageSession): Promise<void> {
  // The user may have moved on to another message while it was asked.
  if (first.message.mode !== 'read' || mailbox.openMessageId() !== first.messageId) return;
  const theme = prefersDark(mailbox) ? FIRST_VIEW_DARK : FIRST_VIEW_LIGHT;
  const view = drawFirstView(first.result, session.storedUser(), theme);
  if (view !== null && showFirstView(view)) await afterNextPaint();
}

// The page's first module is small on purpose: inside Outlook it reads the open message, asks who it
// is from and paints the answer (first-view.ts) before the app (React, Fluent, every screen) is
// fetched or evaluated: the app is not preloaded, since its download and compiling slowed that
// first paint more than they sped up the app (measured in design-notes). The app takes over once
// its own record is in.
async function start(): Promise<void> {
  await documentParsed();
  const session = createPageSession(pageStorage());
  // The server serves this page at /outlook/ (inside Outlook, with Office.js) and at /app/ (a browser).
  const surface: Surface = window.location.pathname.startsWith('/outlook')
    ? { kind: 'pane', connection: await connectMailbox() }
    : { kind: 'console' };
  if (surface.kind === 'pane' && surface.connection.kind === 'connected') {
    const { mailbox } = surface.connection;
    // Whatever befalls the first view, the app loads: it reads and asks afresh what it lacks.
    const painted = startPane(mailbox, session.api)
      .then((first) => first && paintFirstView(mailbox, first, session))
      .catch(() => undefined);
    await Promise.race([painted, waited(FIRST_VIEW_WAIT_MS)]);
  }
  let app: typeof AppModule;
  try {
    app = await import('./app-root.js');
  } catch (error) {
    // The app could not be fetched (a new deployment, the network gone): say so, in place of a
    // first view that would otherwise stay with its buttons disabled.
    handOverFirstView();
    document.getElementById('root')!.textContent =
      'Inbox CRM could not load. Close the pane and open it again.';
    throw error;
  }
  app.renderApp(surface, session);
}

void start();
