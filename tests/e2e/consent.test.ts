import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveOfficeJs } from '@inbox-crm/addin-outlook/testing';
import { createCustomer, inboxMessage, type Customer } from '../support/customer.js';
import { createContact } from '../support/fixtures.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';
import { signInAt } from './support/sign-in.js';

const SUITE = 'consent';
const missing = chromiumMissing();

describe.skipIf(missing !== null)(
  `consent in the console and the pane, in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let customer: Customer;
    let browser: Browser;
    let page: Page;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      customer = await createCustomer(org.admin);
      await createContact(org.admin, {
        firstName: 'Sam',
        lastName: 'Silent',
        emails: ['sam@silent.example'],
      });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it('when a newsletter opt-in is recorded on the contact page, then it is the current answer and the history keeps its words', async ({
      baseUrl,
    }) => {
      await signInAt(page, `${baseUrl}/app/contacts/${customer.contact.id}`, org.adminUser.email);
      const panel = page.getByRole('region', { name: 'Consent' });
      await expect.poll(() => panel.getByText('No answer').count(), { timeout: 15_000 }).toBe(3);

      await panel.getByRole('button', { name: 'Record an answer…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Record a consent answer' });
      await dialog.getByLabel('Purpose').selectOption('newsletter');
      await dialog.getByLabel(/^Where it was given/).fill('Trade show sign-up sheet');
      await dialog.getByLabel(/^What they agreed to/).fill('Send me the monthly Northwind newsletter.');
      await saveScreenshot(page, SUITE, '1-record-answer', { window: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Record answer' }).click();

      await expect.poll(() => panel.getByText(/^Opted in since /).isVisible()).toBe(true);
      expect(await panel.getByText('No answer').count()).toBe(2);
      await panel.getByText('History (1)').click();
      const history = panel.getByRole('list', { name: 'Consent history' });
      expect(await history.getByText('Send me the monthly Northwind newsletter.').isVisible()).toBe(true);
      expect(await history.getByText(/Trade show sign-up sheet · Consent · priya/).isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '2-contact-consent');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 320, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '3-contact-consent-narrow');
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    it('when the contact list is filtered by consent, then only the contacts with that answer are listed', async ({
      baseUrl,
    }) => {
      await page.goto(`${baseUrl}/app/contacts`);
      // The whole list first, so that a filtered one is told from one not loaded yet.
      await expect.poll(() => page.getByRole('link', { name: 'Sam Silent' }).isVisible()).toBe(true);
      await page.getByLabel('Consent').selectOption({ label: 'Newsletter: Opted in or soft opt-in' });
      await expect.poll(() => page.getByRole('link', { name: 'Sam Silent' }).count()).toBe(0);
      await expect.poll(() => page.getByRole('link', { name: 'Priya Raman' }).isVisible()).toBe(true);
      expect(page.url()).toContain('consent=newsletter%3Aallowed');
      await page.getByLabel('Consent').selectOption({ label: 'Newsletter: No answer' });
      await expect.poll(() => page.getByRole('link', { name: 'Sam Silent' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Priya Raman' }).count()).toBe(0);
      await saveScreenshot(page, SUITE, '4-list-filtered');
    });

    it('when Priya’s message is open in the pane, then her answers show on her card and a new one is recorded there', async ({
      baseUrl,
    }) => {
      const context = await browser.newContext({
        viewport: { width: 320, height: 900 },
        reducedMotion: 'reduce',
      });
      await serveOfficeJs(context, {
        userAddress: org.adminUser.email,
        messages: [inboxMessage(org.adminUser.email)],
        selected: 0,
      });
      const pane = await context.newPage();
      await signInAt(pane, `${baseUrl}/outlook/`, org.adminUser.email);
      const consent = pane.getByRole('list', { name: 'Consent' });
      await expect
        .poll(() => consent.getByText('Newsletter: Opted in').isVisible(), { timeout: 15_000 })
        .toBe(true);
      expect(await consent.getByText('Marketing email: no answer').isVisible()).toBe(true);

      await consent.getByRole('button', { name: 'Record consent…' }).click();
      const dialog = pane.getByRole('dialog', { name: 'Record a consent answer' });
      await dialog.getByLabel('Answer').selectOption('opt_out');
      await dialog.getByLabel(/^Where it was given/).fill('Replied “stop” to an offer');
      await saveScreenshot(pane, SUITE, '5-pane-record', { window: true });
      await dialog.getByRole('button', { name: 'Record answer' }).click();
      await expect.poll(() => consent.getByText('Marketing email: Opted out').isVisible()).toBe(true);
      expect(await consent.getByText('Phone calls: no answer').isVisible()).toBe(true);
      expect(await overflowsHorizontally(pane)).toBe(false);
      await saveScreenshot(pane, SUITE, '6-pane-consent');
      expect(await seriousAxeViolations(pane)).toEqual([]);
      await context.close();
    });
  },
);
