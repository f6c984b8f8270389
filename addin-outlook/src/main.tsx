import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPageSession, pageStorage } from './api/page-session.js';
import { App, type Surface } from './app.js';
import { firstContentShown } from './ui/first-content.js';
import { connectMailbox } from './office/office-mailbox.js';

async function start(): Promise<void> {
  // The server serves this page at /outlook/ (inside Outlook, with Office.js) and at /app/ (a browser).
  const surface: Surface = window.location.pathname.startsWith('/outlook')
    ? { kind: 'pane', connection: await connectMailbox() }
    : { kind: 'console' };
  // The console's pages each ask for their own data; only the pane waits for a first answer.
  if (surface.kind === 'console') firstContentShown();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App surface={surface} session={createPageSession(pageStorage())} />
    </StrictMode>,
  );
}

void start();
