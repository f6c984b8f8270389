import { useCallback, useEffect, useState } from 'react';
import type { Navigate } from './console-link.js';
import { routeOf, type ConsoleRoute } from './console-route.js';

/** The page the address bar names, and a way to move to another without reloading. */
export function useConsoleRoute(): [ConsoleRoute, Navigate] {
  const read = () => routeOf(window.location.pathname, window.location.search);
  const [route, setRoute] = useState<ConsoleRoute>(read);
  useEffect(() => {
    const onPop = () => setRoute(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback<Navigate>((path, options) => {
    if (options?.replace) {
      window.history.replaceState(null, '', path);
      setRoute(read());
      return;
    }
    window.history.pushState(null, '', path);
    setRoute(read());
    window.scrollTo?.(0, 0);
  }, []);
  return [route, navigate];
}
