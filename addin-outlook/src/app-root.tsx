import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PageSession } from './api/page-session.js';
import { App, type Surface } from './app.js';
import { handOverFirstView } from './features/pane/first-view-slot.js';
import { afterFirstContent, firstContentShown } from './ui/first-content.js';

/** Puts the app on the page: React, Fluent and every screen arrive with this module. */
export function renderApp(surface: Surface, session: PageSession): void {
  // The console's pages each ask for their own data; only the pane waits for a first answer.
  if (surface.kind === 'console') firstContentShown();
  // A first view the page painted stays until the app's own first content is in (or the fallback).
  else void afterFirstContent().then(handOverFirstView);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App surface={surface} session={session} />
    </StrictMode>,
  );
}
