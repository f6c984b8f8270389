import type { Page } from 'playwright-core';

/**
 * The Content-Security-Policy refusals Chromium reports on a page from now on (framing refused,
 * scripts, styles or images blocked), as the messages it writes to the console, which name the
 * directive; read the array after the page has done what the test waits for.
 */
export function policyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}
