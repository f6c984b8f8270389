import { useEffect, useState } from 'react';

const NARROW = '(max-width: 640px)';

/** Whether the window is phone- or pane-narrow, where a table gives way to a stacked list. */
export function useNarrow(): boolean {
  const query = () => window.matchMedia?.(NARROW);
  const [narrow, setNarrow] = useState(() => query()?.matches ?? false);
  useEffect(() => {
    const media = query();
    if (!media) return;
    const onChange = () => setNarrow(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
