import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ApiError, User } from '@inbox-crm/shared/client';
import type { PageSession } from './api/page-session.js';
import { TaskPane } from './features/pane/task-pane.js';
import { SignInForm } from './features/sign-in/sign-in-form.js';
import type { MailboxConnection } from './office/office-mailbox.js';
import { afterFirstContent } from './ui/first-content.js';
import { usePrefersDark } from './theme.js';
import { ServicesProvider } from './ui/services.js';

/** The task pane inside Outlook, or the console in a browser: one app, two surfaces. */
export type Surface = { kind: 'pane'; connection: MailboxConnection } | { kind: 'console' };

// Inline, not a class: Fluent copies the provider's classes onto its portals (tooltips, menus),
// where a full-height box would cover the page.
const FULL_HEIGHT = { minHeight: '100vh' };

// The console is loaded only in a browser, so the task pane never downloads it.
const Console = lazy(() => import('./features/console/console.js'));

const sameUser = (a: User | null, b: User | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads the user afresh once the page's first content is shown and whenever it is shown again, so pages offered by role
 * follow a role an admin changed since sign-in (the server enforces it on every call regardless).
 */
function useCurrentUser(session: PageSession, setUser: (update: (user: User | null) => User | null) => void) {
  useEffect(() => {
    const refresh = () => {
      session
        .currentUser()
        .then((fresh) => {
          if (fresh) setUser((user) => (user === null || sameUser(user, fresh) ? user : fresh));
        })
        // An ended session is reported through onSignedOut; anything else leaves the stored user.
        .catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    let mounted = true;
    void afterFirstContent().then(() => mounted && refresh());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      mounted = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [session, setUser]);
}

export function App({ surface, session }: { surface: Surface; session: PageSession }) {
  const [user, setUser] = useState<User | null>(() => session.storedUser());
  const [signInReason, setSignInReason] = useState<ApiError | null>(null);
  useEffect(
    () =>
      session.onSignedOut((reason) => {
        setUser(null);
        setSignInReason(reason);
      }),
    [session],
  );
  useCurrentUser(session, setUser);
  const mailbox =
    surface.kind === 'pane' && surface.connection.kind === 'connected' ? surface.connection.mailbox : null;
  const dark = usePrefersDark(mailbox);

  const services = useMemo(
    () =>
      user && {
        api: session.api,
        user,
        mailbox,
        signOut: () => {
          void session.api.signOut();
          setSignInReason(null);
          setUser(null);
        },
      },
    [session, user, mailbox],
  );

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={FULL_HEIGHT}>
      {services ? (
        <ServicesProvider value={services}>
          {surface.kind === 'pane' ? (
            <TaskPane connection={surface.connection} />
          ) : (
            <Suspense fallback={<Spinner label="Loading the console…" />}>
              <Console />
            </Suspense>
          )}
        </ServicesProvider>
      ) : (
        <SignInForm api={session.api} reason={signInReason} onSignedIn={setUser} />
      )}
    </FluentProvider>
  );
}
