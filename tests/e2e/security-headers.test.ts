import type { Browser, BrowserContext } from 'playwright-core';
import { installFakeOffice, launchChromium, serveOfficeJs } from '@inbox-crm/addin-outlook/testing';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { startForeignSite, type ForeignSite } from './support/foreign-site.js';
import { saveScreenshot } from './support/page-checks.js';
import { policyViolations } from './support/policy-violations.js';

const SUITE = 'security-headers';
const missing = chromiumMissing();

/** A page that frames `src`, as Outlook on the web frames the task pane. */
const framing = (src: string) =>
  `<!doctype html><html lang="en"><title>Host</title><iframe title="Task pane" src="${src}" width="320" height="600"></iframe></html>`;

describe.skipIf(missing !== null)(
  `the pages' security headers in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let browser: Browser;
    let foreignSite: ForeignSite;
    const contexts: BrowserContext[] = [];

    it.beforeAll(async ({ baseUrl }) => {
      foreignSite = await startForeignSite(framing(`${baseUrl}/outlook/`));
      browser = await launchChromium();
    });
    it.afterAll(async () => {
      await browser?.close();
      await foreignSite?.close();
    });

    async function newContext() {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      contexts.push(context);
      await serveOfficeJs(context, { userAddress: 'priya@example.com', messages: [], selected: null });
      return context;
    }

    it('when a site that is not Outlook frames the task pane, then Chromium refuses to show it there', async ({
      baseUrl,
    }) => {
      const page = await (await newContext()).newPage();
      const violations = policyViolations(page);
      const pane = page.waitForResponse(`${baseUrl}/outlook/`);
      await page.goto(foreignSite.url);
      const { 'content-security-policy': policy } = await (await pane).allHeaders();
      const frameAncestors = policy!.split(';').find((directive) => directive.startsWith('frame-ancestors'));
      expect(frameAncestors).toContain('https://outlook.office.com');
      await expect.poll(() => violations.some((text) => text.includes('frame-ancestors'))).toBe(true);
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
      expect(frame.url()).not.toContain('/outlook/');
      expect(await frame.locator('#root').count()).toBe(0);
      await saveScreenshot(page, SUITE, '1-pane-refused-on-foreign-site');
    });

    it('when Outlook opens the task pane, then the pane and Office.js run under its policy with no violation', async ({
      baseUrl,
    }) => {
      const page = await (await newContext()).newPage();
      const violations = policyViolations(page);
      await page.goto(`${baseUrl}/outlook/`);
      await expect.poll(() => page.getByLabel('Work email').isVisible()).toBe(true);
      expect(violations).toEqual([]);
    });

    it('when Outlook on the web frames the task pane, then the pane loads and runs there with no violation', async ({
      baseUrl,
    }) => {
      // Every site here is answered through routing, so the browser sees Microsoft's https origin
      // frame ours and only the pane's own headers decide. The pane is put under office.com only
      // because this headless Chromium refuses storage to a frame of another site; frame-ancestors
      // looks at the framing page's origin alone. Office.js itself needs Outlook on the other end,
      // so the fake Outlook host stands in for it here.
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      contexts.push(context);
      const fakeHost = `(${installFakeOffice.toString()})(${JSON.stringify({ userAddress: 'priya@example.com', messages: [], selected: null })});`;
      await context.route('https://appsforoffice.microsoft.com/**', (route) =>
        route.fulfill({ contentType: 'application/javascript', body: fakeHost }),
      );
      await context.route('https://outlook.office.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: framing('https://inbox-crm.office.com/outlook/') }),
      );
      await context.route('https://inbox-crm.office.com/**', async (route) => {
        const path = new URL(route.request().url()).pathname;
        return route.fulfill({ response: await route.fetch({ url: `${baseUrl}${path}` }) });
      });
      const page = await context.newPage();
      const violations = policyViolations(page);
      await page.goto('https://outlook.office.com/mail/');
      const pane = page.frameLocator('iframe[title="Task pane"]');
      await expect.poll(() => pane.getByLabel('Work email').isVisible()).toBe(true);
      expect(violations).toEqual([]);
      await saveScreenshot(page, SUITE, '2-pane-in-outlook-on-the-web');
    });

    it('when /docs is opened, then swagger-ui renders the API under its policy with no violation', async ({
      baseUrl,
    }) => {
      const page = await (await newContext()).newPage();
      const violations = policyViolations(page);
      await page.goto(`${baseUrl}/docs/`);
      await expect.poll(() => page.getByRole('heading', { name: /Inbox CRM API/ }).isVisible()).toBe(true);
      await page
        .getByRole('button', { name: /GET \/api\/v1\/health/ })
        .first()
        .click();
      await expect.poll(() => page.getByRole('button', { name: 'Try it out' }).isVisible()).toBe(true);
      await page
        .getByRole('button', { name: /Authorize/ })
        .first()
        .click();
      await expect.poll(() => page.getByText('Available authorizations').isVisible()).toBe(true);
      expect(violations).toEqual([]);
      await saveScreenshot(page, SUITE, '3-docs');
    });
  },
);
