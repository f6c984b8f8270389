import type { BrowserContext } from 'playwright-core';

/** The binding through which a page reports the moment (ms since navigation start) it was painted. */
const PAINTED = '__benchPainted';

export interface PaintRecord {
  /** The moment the awaited content was painted, once the page reports it. */
  paintedAt(): Promise<number>;
}

/**
 * Before any page script runs: records when an element matching `selector` first appears and the
 * frame holding it has been painted (two animation frames later), and reports it to Node through a
 * binding. The page is never polled: a poll would run the harness's own scripts on the page's main
 * thread while the page is being measured.
 */
export async function recordPaintOf(
  context: BrowserContext,
  selector: string,
  timeoutMs = 30_000,
): Promise<PaintRecord> {
  let reported: number | null = null;
  let report = (ms: number) => void (reported = ms);
  await context.exposeBinding(PAINTED, (_source, ms: number) => report(ms));
  await context.addInitScript(
    ({ selector: wanted, binding }) => {
      const reportPaint = (window as unknown as Record<string, (ms: number) => void>)[binding]!;
      const observer = new MutationObserver(() => {
        if (!document.querySelector(wanted)) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => reportPaint(performance.now())));
      });
      document.addEventListener('DOMContentLoaded', () =>
        observer.observe(document.body, { childList: true, subtree: true }),
      );
    },
    { selector, binding: PAINTED },
  );
  return {
    paintedAt: () =>
      new Promise<number>((resolve, reject) => {
        if (reported !== null) return resolve(reported);
        const timer = setTimeout(
          () => reject(new Error(`Nothing matching ${selector} was painted within ${timeoutMs} ms.`)),
          timeoutMs,
        );
        report = (ms) => {
          clearTimeout(timer);
          resolve(ms);
        };
      }),
  };
}
