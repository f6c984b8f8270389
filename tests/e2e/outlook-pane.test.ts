import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveOfficeJs } from '@inbox-crm/addin-outlook/testing';
import { chromiumMissing } from './support/chromium.js';
import { createCustomer, inboxMessage } from '../support/customer.js';
import { createTestOrganisation, TEST_PASSWORD, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'outlook-pane';
const TASK_PANE = { width: 320, height: 900 };
const missing = chromiumMissing();

/** The sum of the red, green and blue of the app's background: 0 for black, 765 for white. */
async function backgroundBrightness(page: Page): Promise<number> {
  const background = await page.evaluate(
    () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
  );
  const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
  return r + g + b;
}

describe.skipIf(missing !== null)(
  `the Outlook task pane in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    const me = () => org.adminUser.email;
    const contexts: BrowserContext[] = [];

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      await createCustomer(org.admin);
      browser = await launchChromium();
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    async function openPane(
      baseUrl: string,
      messages: ReturnType<typeof inboxMessage>[],
      colorScheme: 'light' | 'dark' = 'light',
    ) {
      const context = await browser.newContext({ viewport: TASK_PANE, colorScheme });
      contexts.push(context);
      await serveOfficeJs(context, { userAddress: me(), messages, selected: 0 });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/outlook/`);
      await page.getByLabel('Work email').fill(me());
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      return page;
    }

    const priya = () => inboxMessage(me());
    const dana = () =>
      inboxMessage(me(), {
        subject: 'Introduction: lab equipment leasing',
        from: { emailAddress: 'dana.whitfield@contoso-labs.example', displayName: 'Dana Whitfield' },
      });
    let page: Page;
    let filed: ReturnType<typeof inboxMessage>;

    it('when a demo contact’s message is opened, then the pane signs in and shows their record', async ({
      baseUrl,
    }) => {
      filed = priya();
      page = await openPane(baseUrl, [filed, dana()]);
      await expect.poll(() => page.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      expect(await page.getByText('Fleet renewal 2027').isVisible()).toBe(true);
      expect(await page.getByText('This email is not filed yet.').isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '1-sender-record');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('when File email and then File to 2 records are clicked, then the pane shows the email filed', async () => {
      await page.getByRole('button', { name: 'File email' }).click();
      await saveScreenshot(page, SUITE, '2-file-picker');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'File to 2 records' }).click();
      await expect.poll(() => page.getByText('Filed', { exact: true }).isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '3-filed');

      const stored = await org.admin.get(
        `/api/v1/emails/by-message-id/${encodeURIComponent(filed.internetMessageId!)}`,
      );
      expect(stored.status).toBe(200);
      expect(stored.body.links.map((link: { name: string }) => link.name).sort()).toEqual([
        'Northwind Traders',
        'Priya Raman',
      ]);
    });

    it('when Move stage is opened, then its form and choices stay inside the 320 px pane', async () => {
      await page.getByRole('button', { name: 'Move stage' }).click();
      const form = page.getByRole('form', { name: 'Move an opportunity' });
      await expect.poll(() => form.isVisible()).toBe(true);
      const inside = await form.boundingBox();
      for (const select of await form.getByRole('combobox').all()) {
        const box = (await select.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(inside!.x + inside!.width);
      }
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '3-move-stage');
      await form.getByRole('button', { name: 'Cancel' }).click();
    });

    it('when the user moves to a message from an unknown sender, then the pane offers to create the contact and creates it', async () => {
      await page.evaluate(() =>
        (window as unknown as { fakeOutlook: { select(index: number): void } }).fakeOutlook.select(1),
      );
      await expect.poll(() => page.getByRole('button', { name: 'Create contact' }).isVisible()).toBe(true);
      expect(await page.getByLabel('Contact Priya Raman').count()).toBe(0);
      await page.getByRole('button', { name: 'Create contact' }).click();
      await saveScreenshot(page, SUITE, '4-create-contact');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Job title').fill('Procurement Lead');
      await page.getByRole('button', { name: 'Save contact' }).click();
      await expect.poll(() => page.getByLabel('Contact Dana Whitfield').isVisible()).toBe(true);
      expect(await page.getByLabel('Account Contoso Labs').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '5-contact-created');
    });

    it('when the host is dark, then the pane is dark and still readable', async ({ baseUrl }) => {
      const dark = await openPane(baseUrl, [priya()], 'dark');
      await expect.poll(() => dark.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      const background = await dark.evaluate(
        () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
      );
      const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
      expect(r + g + b).toBeLessThan(3 * 80);
      await saveScreenshot(dark, SUITE, '6-dark');
      expect(await seriousAxeViolations(dark)).toEqual([]);
    });

    it('when the user switches Outlook to its dark theme, then the open pane follows at once', async ({
      baseUrl,
    }) => {
      const light = await openPane(baseUrl, [priya()]);
      await expect.poll(() => light.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      expect(await backgroundBrightness(light)).toBeGreaterThan(3 * 200);
      await light.evaluate(() =>
        (window as unknown as { fakeOutlook: { setTheme(color: string): void } }).fakeOutlook.setTheme(
          '#292929',
        ),
      );
      await expect.poll(() => backgroundBrightness(light)).toBeLessThan(3 * 80);
    });

    it('when the same app is opened in a wide browser window, then nothing breaks out of the layout', async () => {
      await page.setViewportSize({ width: 1400, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '7-wide');
    });
  },
);
