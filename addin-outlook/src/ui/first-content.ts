import { useLayoutEffect } from 'react';

// The pane is painted when its first answer is in: the sender view. What else a page asks at start
// (the bell's counts, the signed-in user afresh) waits for that answer, so it never queues ahead of
// it (the embedded database answers one statement at a time) — or FALLBACK_MS at most.
const FALLBACK_MS = 3_000;

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

/** The page's first content is on screen (or the page has none to wait for, as the console). */
export function firstContentShown(): void {
  markShown();
}

/**
 * Marks the first content shown once `ready` is true: in the commit that renders it, before the
 * browser paints, so a first view drawn without React is replaced in that same frame.
 */
export function useFirstContentShown(ready: boolean): void {
  useLayoutEffect(() => {
    if (ready) firstContentShown();
  }, [ready]);
}

/** Resolves once the page's first content is shown, or after FALLBACK_MS. */
export function afterFirstContent(): Promise<void> {
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, FALLBACK_MS))]);
}
