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
    for (const [days, subject, bodyText] of [
      [
        3,
        'Réunion sur la clause de responsabilité',
        'Bonjour, the liability clause needs a cap before we sign.',
      ],
      [
        9,
        'Cold store contract',
        `${'Figures for the quarter are attached. '.repeat(12)}The liability clause stays as drafted; the indemnity is mutual.`,
      ],
      [20, 'Delivery schedule', 'Lorries arrive at the harbour at six. No legal questions here.'],
    ] as const) {
      const filed = await org.admin.post('/api/v1/emails', {
        messageId: `<search-e2e-${days}.${Date.now()}@harbourside-foods.example>`,
        subject,
        from: { email: 'hannah.harbottle@harbourside-foods.example', name: 'Hannah Harbottle' },
        to: [{ email: `sales@${org.domain}`, name: 'Sales' }],
        sentAt: new Date(Date.now() - days * 86_400_000).toISOString(),
        bodyText,
        attachments:
          days === 9 ? [{ name: 'contract.pdf', contentType: 'application/pdf', size: 52_000 }] : [],
        source: 'api',
        links: [{ type: 'account', id: harbour.id }],
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    }
    await org.admin.post('/api/v1/activities', {
      type: 'call',
      subject: 'Call about liability',
      body: 'Hannah asked whether the liability clause covers spoilage.',
      links: [{ type: 'account', id: harbour.id }],
    });
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
    const box = page.getByRole('searchbox', { name: 'Search records and correspondence' });
    await expect
      .poll(() => page.getByText('Find any record, and anything said in your correspondence').isVisible())
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

    await page.getByRole('searchbox', { name: 'Search records and correspondence' }).fill('xylophone');
    await expect
      .poll(() => page.getByText('No account, contact, opportunity or case matches “xylophone”.').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(/^No correspondence matches/).isVisible()).toBe(true);
    await saveScreenshot(page, SUITE, '5-nothing');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('when words from correspondence are searched, then the emails and calls holding them are listed with the words marked, and filters narrow them', async ({
    baseUrl,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${baseUrl}/app/search?q=${encodeURIComponent('liability clause')}`);
    const found = page.getByRole('list', { name: 'Correspondence found' });
    await expect.poll(() => found.locator(':scope > li').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByText('3 matches').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Correspondence (3)' }).isVisible()).toBe(true);
    // The subject shows as written, accents and all.
    expect(
      await found.getByRole('link', { name: 'Réunion sur la clause de responsabilité' }).isVisible(),
    ).toBe(true);
    const marks = await found.locator('mark').allTextContents();
    expect(marks.map((mark) => mark.toLowerCase())).toEqual(expect.arrayContaining(['liability', 'clause']));
    expect(await page.getByRole('option', { name: 'Emails (2)' }).count()).toBe(1);
    expect(await page.getByRole('option', { name: 'Calls (1)' }).count()).toBe(1);
    await saveScreenshot(page, SUITE, '6-correspondence');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Kind').selectOption('call');
    await expect.poll(() => found.locator(':scope > li').count()).toBe(1);
    expect(await found.getByText('Call about liability').isVisible()).toBe(true);
    await page.getByLabel('Kind').selectOption('');
    await page.getByRole('checkbox', { name: 'With attachments' }).check();
    await expect.poll(() => found.locator(':scope > li').count()).toBe(1);
    expect(await found.getByRole('link', { name: 'Cold store contract' }).isVisible()).toBe(true);
    expect(await found.getByText(/contract\.pdf/).isVisible()).toBe(true);

    await page.setViewportSize({ width: 320, height: 800 });
    // On a phone the filters wait behind a button that says how many are set.
    await expect.poll(() => page.getByRole('button', { name: 'Filters (1 set)' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Kind').isVisible()).toBe(false);
    expect(await overflowsHorizontally(page)).toBe(false);
    await saveScreenshot(page, SUITE, '7-correspondence-narrow');
    await page.getByRole('button', { name: 'Filters (1 set)' }).click();
    expect(await page.getByLabel('Kind').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });

    await found.getByRole('link', { name: 'Cold store contract' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/app\/emails\/[0-9a-f-]{36}$/);
  });

  it('when a record’s correspondence is searched from its page, then only its mail is found', async ({
    baseUrl,
  }) => {
    await page.goto(`${baseUrl}/app/search?q=harbourside`);
    await page
      .getByRole('list', { name: 'Accounts' })
      .getByRole('link', { name: 'Harbourside Foods' })
      .click();
    const box = page.getByRole('searchbox', { name: 'Search this account’s correspondence' });
    await box.fill('"liability clause" -reunion');
    const found = page.getByRole('list', { name: 'Correspondence found' });
    await expect.poll(() => found.locator(':scope > li').count(), { timeout: 15_000 }).toBe(2);
    expect(await found.getByRole('link', { name: 'Cold store contract' }).isVisible()).toBe(true);
    expect(await found.getByText('Call about liability').isVisible()).toBe(true);
    await saveScreenshot(page, SUITE, '8-record-correspondence');
    await box.fill('');
    await expect
      .poll(() => page.getByRole('list', { name: 'History' }).getByRole('listitem').count())
      .toBe(4);
  });
});
