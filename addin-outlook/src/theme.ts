import { useEffect, useState } from 'react';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Dark when the host says so; otherwise the system's colour scheme, followed as it changes. */
export function usePrefersDark(hostPrefersDark: boolean | null): boolean {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const [systemDark, setSystemDark] = useState(media?.matches ?? false);
  useEffect(() => {
    if (!media) return undefined;
    const listener = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    media.addEventListener('change', listener);
    return () => media.removeEventListener('change', listener);
  }, [media]);
  return hostPrefersDark ?? systemDark;
}
