import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ARTIFACTS = join(import.meta.dirname, '..', '..', '..', 'test-artifacts');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Fluent's focus manager (tabster) puts hidden, focusable sentinels around a tab list or a focus
 * group, which only pass focus on: axe's aria-hidden-focus flags them though they are by design
 * (microsoft/fluentui#27517; Accessibility Insights suppresses them the same way). Only those
 * nodes are left out; any other aria-hidden-focus still fails.
 */
const isTabsterSentinel = (violation: AxeViolation, node: AxeViolation['nodes'][number]) =>
  violation.id === 'aria-hidden-focus' && node.html.includes('data-tabster-dummy');

/** The serious and critical accessibility violations axe-core finds on the page as it stands. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag, which the console's Content-Security-Policy refuses.
  await page.evaluate(await readFile(axePath, 'utf8'));
  const violations = await page.evaluate(
    async () =>
      (await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run())
        .violations,
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => !isTabsterSentinel(violation, node)),
    }))
    .filter((violation) => violation.nodes.length > 0)
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

/**
 * Saves a screenshot of the state a test reached, under test-artifacts/<suite>/<name>.png: the
 * whole page, or with `window` what the window shows (a modal dialog: capturing the whole page
 * resizes the window, and the dialog replays its opening motion mid-capture).
 */
export async function saveScreenshot(
  page: Page,
  suite: string,
  name: string,
  { window = false } = {},
): Promise<void> {
  const folder = join(ARTIFACTS, suite);
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: !window });
}

/** True when the page is wider than its window: something broke out of the layout. */
export const overflowsHorizontally = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
