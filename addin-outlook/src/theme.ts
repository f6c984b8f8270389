import { useEffect, useState } from 'react';
import type { Mailbox } from './office/open-message.js';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Dark when Outlook's theme is dark (followed as the user switches it); else the system's scheme. */
export function usePrefersDark(mailbox: Mailbox | null): boolean {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const [systemDark, setSystemDark] = useState(media?.matches ?? false);
  const [hostDark, setHostDark] = useState(mailbox?.prefersDark ?? null);
  useEffect(() => {
    if (!media) return undefined;
    const listener = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    media.addEventListener('change', listener);
    return () => media.removeEventListener('change', listener);
  }, [media]);
  useEffect(() => mailbox?.onThemeChanged(setHostDark), [mailbox]);
  return hostDark ?? systemDark;
}
