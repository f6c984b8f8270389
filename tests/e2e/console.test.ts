import type { Browser, Page } from 'playwright-core';
import { createCustomer, type Customer } from '../support/customer.js';
import { emailToFile, fileEmail } from '../support/fixtures.js';
import { describe, expect, it } from '../support/suite.js';
import { startTestWorker } from '../support/test-worker.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'console';
const missing = chromiumMissing();

describe.skipIf(missing !== null)(`the console in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let org: TestOrganisation;
  let customer: Customer;
  let browser: Browser;
  let page: Page;
  let emailId: string;
  /** Requests that got past the page's policies to the network (the tracker is answered here if one does). */
  const trackerHits: string[] = [];

  it.beforeAll(async ({ testApp }) => {
    org = await createTestOrganisation(testApp);
    customer = await createCustomer(org.admin);
    const links = [{ type: 'contact' as const, id: customer.contact.id }];
    const html =
      '<p style="color:#333">The three-year term works for us.</p><img src="https://tracker.example/p.gif" alt="">';
    emailId = (
      await fileEmail(org.admin, emailToFile({ subject: 'Renewal terms agreed', bodyHtml: html, links }))
    ).body.id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A request the Content-Security-Policy blocks never reaches routing; one it lets through does.
    await page.route('https://tracker.example/**', (route) => {
      trackerHits.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: 'image/gif',
        body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'),
      });
    });
  });
  it.afterAll(async () => {
    await browser?.close();
  });

  it('when a manager signs in and searches, then the record page shows its correspondence', async ({
    baseUrl,
  }) => {
    await signInAt(page, `${baseUrl}/app/search`, org.adminUser.email);
    await page.getByRole('searchbox', { name: 'Search records and correspondence' }).fill('northwind');
    await page.getByRole('link', { name: 'Northwind Traders' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Northwind Traders' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Discussed the renewal terms').isVisible()).toBe(true);
    await saveScreenshot(page, SUITE, '1-account');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('when an email is opened, then its body shows in the sandboxed frame and no remote image is fetched', async ({
    baseUrl,
  }) => {
    await page.goto(`${baseUrl}/app/emails/${emailId}`);
    const body = page
      .frameLocator('iframe[title="Email body"]')
      .getByText('The three-year term works for us.');
    await expect.poll(() => body.isVisible()).toBe(true);
    await page.waitForTimeout(500);
    expect(trackerHits).toEqual([]);
    await saveScreenshot(page, SUITE, '2-email');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('when an admin opens the workflow, plans and people pages and the rule form, then each is accessible', async ({
    baseUrl,
  }) => {
    for (const [path, ready, shot] of [
      ['/app/workflow', 'Workflow rules', '4-workflow'],
      ['/app/plans', 'Engagement plans', '5-plans'],
      ['/app/people', 'People', '6-people'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await expect.poll(() => page.getByRole('heading', { name: ready, level: 1 }).isVisible()).toBe(true);
      if (path === '/app/workflow') {
        await page.getByRole('button', { name: 'New rule' }).click();
        await page.getByLabel('Add an action').selectOption('send_reminder');
      }
      await saveScreenshot(page, SUITE, shot);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });

  it('when a reminder has fallen due, then a click on the bell (its count on top) opens the notifications', async ({
    testApp,
    baseUrl,
  }) => {
    await org.admin.post('/api/v1/tasks', {
      title: 'Call Priya about the renewal',
      dueAt: new Date(testApp.clock.now().getTime() + 60_000).toISOString(),
      reminderMinutes: 1,
    });
    const scheduler = startTestWorker(testApp);
    await scheduler.worker.drain();
    await scheduler.close();
    await page.goto(`${baseUrl}/app/tasks`);
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    await expect.poll(() => page.getByText('Reminder: Call Priya about the renewal').isVisible()).toBe(true);
    await saveScreenshot(page, SUITE, '7-notifications');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('when the console is as narrow as a task pane, then nothing breaks out of the layout', async ({
    baseUrl,
  }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${baseUrl}/app/contacts/${customer.contact.id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Priya Raman' }).isVisible()).toBe(true);
    // The address may wrap after its @, and is still read and linked whole.
    const address = page.getByRole('link', { name: 'priya.raman@northwind.example', exact: true });
    expect(await address.getAttribute('href')).toBe('mailto:priya.raman@northwind.example');
    expect(await overflowsHorizontally(page)).toBe(false);
    await saveScreenshot(page, SUITE, '3-contact-narrow');
  });
});
