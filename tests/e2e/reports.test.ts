import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { User } from '@inbox-crm/shared';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import { createAccount, createContact, createOpportunity } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { stagesByName } from '../support/reports.js';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'reports';
const missing = chromiumMissing();

describe.skipIf(missing !== null)(`the reports in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let org: TestOrganisation;
  let manager: { client: Client; user: User };
  let member: { client: Client; user: User };
  let browser: Browser;
  let page: Page;

  it.beforeAll(async ({ testApp }) => {
    org = await createTestOrganisation(testApp);
    const team = (await org.admin.post('/api/v1/teams', { name: 'Field sales' })).body as { id: string };
    manager = await org.addUser('manager', { teamId: team.id, name: 'Maria Manager' });
    member = await org.addUser('member', { teamId: team.id, name: 'Tim Teammate' });
    const stages = await stagesByName(org.admin);
    const account = await createAccount(org.admin, { name: 'Harbourside Foods' });
    const deal = (name: string, stage: string, body: object) =>
      createOpportunity(org.admin, { name, stageId: stages[stage]!.id, accountId: account.id, ...body });
    await deal('Cold store extension', 'Lead', {
      amountMinor: 150_005,
      currency: 'EUR',
      ownerId: manager.user.id,
    });
    await deal('Freezer fleet', 'Lead', { amountMinor: 90_000, currency: 'EUR', ownerId: member.user.id });
    await deal('Loading bay', 'Proposal', { amountMinor: 400_000, currency: 'EUR' });
    await deal('Van lease', 'Proposal', { amountMinor: 120_000, currency: 'USD', ownerId: member.user.id });
    await deal('Signed pallet order', 'Closed won', { amountMinor: 50_000, currency: 'EUR' });
    const contact = await createContact(org.admin, { lastName: 'Buyer', accountId: account.id });
    const opened = await org.admin.post('/api/v1/cases', {
      subject: 'Freezer alarm at night',
      priority: 'urgent',
      contactId: contact.id,
    });
    expect(opened.status).toBe(201);
    const call = await org.admin.post('/api/v1/activities', {
      type: 'call',
      subject: 'Called about the freezer alarm',
      occurredAt: new Date().toISOString(),
      links: [{ type: 'account', id: account.id }],
    });
    expect(call.status).toBe(201);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
  });
  it.afterAll(async () => {
    await browser?.close();
  });

  it('when an admin opens the pipeline, then it draws each currency on its own, shows the same numbers as a table, and exports them as CSV, SVG and PNG', async ({
    baseUrl,
  }) => {
    await signInAt(page, `${baseUrl}/app/`, org.adminUser.email);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Reports' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Reports', level: 1 }).isVisible()).toBe(true);
    const chart = page.getByRole('figure', { name: 'Amount by stage (EUR)' });
    await expect.poll(() => chart.isVisible()).toBe(true);
    expect(await page.getByRole('option', { name: 'Lead. Amount, €2,400.05.' }).count()).toBe(1);
    expect(await page.getByText('€6,400.05', { exact: true }).isVisible()).toBe(true);
    await saveScreenshot(page, SUITE, '1-pipeline');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'USD' }).click();
    await expect
      .poll(() => page.getByRole('figure', { name: 'Amount by stage (USD)' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('option', { name: 'Proposal. Amount, $1,200.00.' }).count()).toBe(1);

    await page.getByRole('tab', { name: 'Table' }).click();
    const table = page.getByRole('table', { name: 'Pipeline by stage' });
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('row', { name: /Lead EUR 2 €2,400\.05 €240\.01/ }).count()).toBe(1);
    expect(await table.getByRole('row', { name: /Proposal USD 1 \$1,200\.00 \$600\.00/ }).count()).toBe(1);
    await saveScreenshot(page, SUITE, '2-pipeline-table');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^pipeline-report-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await readFile((await csv.path())!, 'utf8')).toContain('Lead,EUR,2,2400.05,240.01');

    await page.getByRole('tab', { name: 'Chart' }).click();
    for (const [format, check] of [
      [
        'SVG',
        (bytes: Buffer) =>
          expect(bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/),
      ],
      ['PNG', (bytes: Buffer) => expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')],
    ] as const) {
      await page.getByRole('button', { name: 'Save chart' }).click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: `As ${format}` }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`^pipeline-chart-.*\\.${format.toLowerCase()}$`));
      check(await readFile((await file.path())!));
    }
  });

  it('when a bar is chosen with the keyboard, then the opportunities list opens filtered to the deals behind it', async () => {
    await page.getByRole('tab', { name: 'EUR' }).click();
    const bar = page.getByRole('option', { name: 'Lead. Amount, €2,400.05.' });
    await bar.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/app/opportunities?');
    const names = page.getByRole('link', {
      name: /Cold store extension|Freezer fleet|Loading bay|Van lease/,
    });
    await expect.poll(() => names.count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Cold store extension' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Freezer fleet' }).isVisible()).toBe(true);
  });

  it('when the won bar of this month is chosen, then the list shows the deals won this month and says how it was narrowed', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Forecast' }).click();
    const won = page.getByRole('option', { name: /\. Won, €500\.00\.$/ });
    await expect.poll(() => won.count()).toBe(1);
    await won.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('closedFrom=');
    await expect.poll(() => page.getByRole('link', { name: 'Signed pallet order' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Cold store extension' }).count()).toBe(0);
    expect(
      await page.getByText(/^Won or lost \w+ 1, \d{4} – \w+ \d+, \d{4} · days in UTC$/).isVisible(),
    ).toBe(true);
    await saveScreenshot(page, SUITE, '3-drilled-won-deals');
  });

  it('when the number of deals won is chosen, then the list shows the deals won in the period', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Win rate' }).click();
    const won = page.getByRole('button', { name: 'Won: 1, open the list' });
    await expect.poll(() => won.count()).toBe(1);
    await won.click();
    await expect.poll(() => page.url()).toContain('status=won');
    await expect.poll(() => page.getByRole('link', { name: 'Signed pallet order' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Loading bay' }).count()).toBe(0);
  });

  it('when the bar of urgent cases opened today is chosen, then the list shows those open cases', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Cases' }).click();
    const urgentToday = page.getByRole('option', { name: 'Opened today. Urgent, 1.' });
    await expect.poll(() => urgentToday.count()).toBe(1);
    await urgentToday.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('openedTo=');
    await expect
      .poll(() => page.getByRole('link', { name: 'Freezer alarm at night' }).isVisible())
      .toBe(true);
    expect(await page.getByText(/^Opened \w+ \d+, \d{4} – \w+ \d+, \d{4} · days in /).isVisible()).toBe(true);
    await saveScreenshot(page, SUITE, '3-drilled-open-cases');
  });

  it('when this week’s calls are chosen in the activity chart, then the activities list shows the call', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Activity' }).click();
    const calls = page.getByRole('option', { name: /\. Calls, 1\.$/ });
    await expect.poll(() => calls.count()).toBe(1);
    await calls.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/app/activities?');
    await expect.poll(() => page.getByText('Called about the freezer alarm').isVisible()).toBe(true);
    expect(
      await page.getByText(/^Filed or held \w+ \d+, \d{4} – \w+ \d+, \d{4} · days in /).isVisible(),
    ).toBe(true);
    await saveScreenshot(page, SUITE, '3-drilled-calls');
  });

  it('when a manager and a member open the reports, then each sees whose numbers they are, and the member no one else’s', async ({
    baseUrl,
  }) => {
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await signInAt(other, `${baseUrl}/app/reports/pipeline`, manager.user.email);
    await expect.poll(() => other.getByText(/As of now · .* · Your team/).isVisible()).toBe(true);
    expect(await other.getByRole('option', { name: 'Lead. Amount, €2,400.05.' }).count()).toBe(1);
    await other.close();

    const own = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await signInAt(own, `${baseUrl}/app/reports/pipeline`, member.user.email);
    await expect
      .poll(() => own.getByText('These are your own numbers; managers see their team’s.').isVisible())
      .toBe(true);
    await expect.poll(() => own.getByRole('option', { name: 'Lead. Amount, €900.00.' }).count()).toBe(1);
    expect(await own.getByRole('combobox', { name: 'Person' }).count()).toBe(0);
    await own.close();
  });

  it('when a manager opens the home, then the dashboard shows their team’s reports as tiles; choosing reports pins and orders them for next time', async ({
    baseUrl,
  }) => {
    const home = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await signInAt(home, `${baseUrl}/app/`, manager.user.email);
    const dashboard = home.getByRole('region', { name: 'Dashboard' });
    const tiles = () => dashboard.getByRole('heading', { level: 3 }).allTextContents();
    await expect.poll(tiles).toEqual(['Pipeline', 'Forecast', 'Win rate', 'Activity', 'Cases']);
    await expect.poll(() => dashboard.getByText('€2,400.05', { exact: true }).isVisible()).toBe(true);
    // Each tile counts on its own request: all five say whose numbers they are once loaded.
    await expect.poll(() => dashboard.getByText(/· Your team$/).count()).toBe(5);
    await saveScreenshot(home, SUITE, '4-dashboard-manager');
    expect(await seriousAxeViolations(home)).toEqual([]);

    await dashboard.getByRole('button', { name: 'Choose reports' }).click();
    await dashboard.getByRole('checkbox', { name: 'Forecast' }).uncheck();
    await dashboard.getByRole('button', { name: 'Move Cases up' }).click();
    await saveScreenshot(home, SUITE, '5-dashboard-choosing');
    expect(await seriousAxeViolations(home)).toEqual([]);
    await dashboard.getByRole('button', { name: 'Save' }).click();
    await expect.poll(tiles).toEqual(['Pipeline', 'Win rate', 'Cases', 'Activity']);
    expect((await manager.client.get('/api/v1/dashboard')).body).toEqual({
      tiles: ['pipeline', 'win-rate', 'cases', 'activity'],
      custom: true,
    });

    await home.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => overflowsHorizontally(home)).toBe(false);
    await saveScreenshot(home, SUITE, '6-dashboard-narrow');
    await home.close();
  });

  it('when the system is in the dark theme, then the charts are drawn on the dark background and pass the contrast checks', async ({
    baseUrl,
  }) => {
    const dark = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      reducedMotion: 'reduce',
      colorScheme: 'dark',
    });
    await signInAt(dark, `${baseUrl}/app/reports/pipeline`, org.adminUser.email);
    await expect
      .poll(() => dark.getByRole('figure', { name: 'Amount by stage (EUR)' }).isVisible())
      .toBe(true);
    const background = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await saveScreenshot(dark, SUITE, '8-pipeline-dark');
    expect(await seriousAxeViolations(dark)).toEqual([]);
    await dark.close();
  });

  it('when the window is 320 px wide, then every report fits without sideways scrolling', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Reports' }).click();
    await page.setViewportSize({ width: 320, height: 800 });
    const picker = page.getByRole('combobox', { name: 'Report' });
    await expect.poll(() => picker.isVisible()).toBe(true);
    for (const report of [
      'Pipeline',
      'Forecast',
      'Win rate',
      'Activity',
      'Going cold',
      'Cases',
      'Correspondence',
    ]) {
      await picker.selectOption({ label: report });
      await expect.poll(() => page.getByRole('heading', { name: report, level: 2 }).isVisible()).toBe(true);
      await expect.poll(() => page.getByText('Counting…').count()).toBe(0);
      expect(await overflowsHorizontally(page), report).toBe(false);
    }
    await saveScreenshot(page, SUITE, '7-correspondence-narrow');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
