import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPageSession, pageStorage } from './api/page-session.js';
import { App, type Surface } from './app.js';
import { connectMailbox } from './office/office-mailbox.js';

async function start(): Promise<void> {
  // The server serves this page at /outlook/ (inside Outlook, with Office.js) and at /app/ (a browser).
  const surface: Surface = window.location.pathname.startsWith('/outlook')
    ? { kind: 'pane', connection: await connectMailbox() }
    : { kind: 'console' };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App surface={surface} session={createPageSession(pageStorage())} />
    </StrictMode>,
  );
}

void start();
