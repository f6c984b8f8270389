import { createPageSession, pageStorage } from './api/page-session.js';
import type { Surface } from './app.js';
import { startPane } from './features/pane/pane-start.js';
import { connectMailbox } from './office/office-mailbox.js';

// The page's first module is small on purpose: inside Outlook it reads the open message and asks
// who it is from while the app (React, Fluent, every screen) is still downloading and compiling.
async function start(): Promise<void> {
  const app = import('./app-root.js');
  const session = createPageSession(pageStorage());
  // The server serves this page at /outlook/ (inside Outlook, with Office.js) and at /app/ (a browser).
  const surface: Surface = window.location.pathname.startsWith('/outlook')
    ? { kind: 'pane', connection: await connectMailbox() }
    : { kind: 'console' };
  if (surface.kind === 'pane' && surface.connection.kind === 'connected') {
    startPane(surface.connection.mailbox, session.api);
  }
  (await app).renderApp(surface, session);
}

void start();
