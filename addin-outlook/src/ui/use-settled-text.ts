import { useEffect, useState } from 'react';

const SETTLE_DELAY_MS = 250;

/** The text, trimmed, once typing has paused: what to search for without a request per key. */
export function useSettledText(text: string): string {
  const [settled, setSettled] = useState(text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text.trim()), SETTLE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}
