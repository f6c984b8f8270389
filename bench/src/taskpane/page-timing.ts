import type { BrowserContext, Page } from 'playwright-core';

/** Where the page keeps the moment (ms since navigation start) its awaited content was painted. */
const PAINTED = '__benchPaintedAt';

/**
 * Before any page script runs: records when an element matching `selector` first appears and the
 * frame holding it has been painted (two animation frames later).
 */
export async function recordPaintOf(context: BrowserContext, selector: string): Promise<void> {
  await context.addInitScript(
    ({ selector: wanted, key }) => {
      const scope = window as unknown as Record<string, number>;
      const observer = new MutationObserver(() => {
        if (!document.querySelector(wanted)) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => (scope[key] = performance.now())));
      });
      document.addEventListener('DOMContentLoaded', () =>
        observer.observe(document.body, { childList: true, subtree: true }),
      );
    },
    { selector, key: PAINTED },
  );
}

/** Waits for the recorded paint and answers its time since navigation start. */
export async function paintedAt(page: Page, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    (key) => (window as unknown as Record<string, number | undefined>)[key],
    PAINTED,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}
