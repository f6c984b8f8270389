import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import { createAccount, createContact, createOpportunity } from '../support/fixtures.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'search';

const missing = chromiumMissing();

describe.skipIf(missing !== null)(`search in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let org: TestOrganisation;
  let browser: Browser;
  let page: Page;

  it.beforeAll(async ({ testApp }) => {
    org = await createTestOrganisation(testApp);
    const harbour = await createAccount(org.admin, {
      name: 'Harbourside Foods',
      domains: ['harbourside-foods.example'],
    });
    for (const [name, domain] of [
      ['Harbour Lights Hotel', 'harbourlights.example'],
      ['Harbourview Dental', 'harbourview-dental.example'],
      ['Harbor & Sons Shipping Company International', 'harbor-and-sons-shipping-international.example'],
    ]) {
      await createAccount(org.admin, { name, domains: [domain] });
    }
    for (const [n, trade] of ['Bakery', 'Brewing', 'Catering', 'Dairy', 'Fisheries'].entries()) {
      await createAccount(org.admin, { name: `North Quay ${trade}`, industry: `Harbour supplier ${n + 1}` });
    }
    await createContact(org.admin, {
      firstName: 'Hannah',
      lastName: 'Harbottle',
      accountId: harbour.id,
      emails: ['hannah.harbottle@harbourside-foods.example'],
    });
    await createOpportunity(org.admin, { name: 'Harbourside cold store', accountId: harbour.id });
    await org.admin.post('/api/v1/cases', { subject: 'Harbour delivery late', accountId: harbour.id });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
  });
  it.afterAll(async () => {
    await browser?.close();
  });

  it('when a word is searched, then the matches come grouped by type with counts, and Show all opens the list', async ({
    baseUrl,
  }) => {
    await signInAt(page, `${baseUrl}/app/search`, org.adminUser.email);
    const box = page.getByRole('searchbox', { name: /Search accounts/ });
    await expect
      .poll(() => page.getByText('Find any account, contact, opportunity or case').isVisible())
      .toBe(true);
    await saveScreenshot(page, SUITE, '1-empty');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await box.fill('harb');
    await expect.poll(() => page.getByRole('heading', { name: 'Accounts (9)' }).isVisible()).toBe(true);
    for (const heading of ['Contacts (1)', 'Opportunities (1)', 'Cases (1)'])
      expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
    const accounts = page.getByRole('list', { name: 'Accounts' });
    // Names starting with the query first, in name order.
    expect(await accounts.getByRole('link').allTextContents()).toEqual([
      'Harbor & Sons Shipping Company International',
      'Harbour Lights Hotel',
      'Harbourside Foods',
      'Harbourview Dental',
      expect.stringMatching(/^North Quay /),
    ]);
    expect(
      await page.getByText('hannah.harbottle@harbourside-foods.example · Harbourside Foods').isVisible(),
    ).toBe(true);
    expect(await page.getByText('New · Harbourside Foods').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('?q=harb');
    await saveScreenshot(page, SUITE, '2-groups');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await saveScreenshot(page, SUITE, '3-groups-narrow');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('link', { name: 'Show all 9 accounts' }).click();
    await expect.poll(() => page.getByText('9 accounts').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/app/accounts');
    expect(new URL(page.url()).search).toBe('?q=harb');
    await saveScreenshot(page, SUITE, '4-show-all');
  });

  it('when one letter is searched, then accounts starting with it come first; when nothing matches, the page says what to try', async ({
    baseUrl,
  }) => {
    await page.goto(`${baseUrl}/app/search?q=h`);
    await expect.poll(() => page.getByRole('heading', { name: /^Accounts \(/ }).isVisible()).toBe(true);
    expect(await page.getByRole('list', { name: 'Accounts' }).getByRole('link').first().textContent()).toBe(
      'Harbor & Sons Shipping Company International',
    );

    await page.getByRole('searchbox', { name: /Search accounts/ }).fill('xylophone');
    await expect.poll(() => page.getByText('Nothing matches “xylophone”').isVisible()).toBe(true);
    await saveScreenshot(page, SUITE, '5-nothing');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
