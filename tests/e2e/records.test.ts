import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import { createAccount, createOpportunity } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'records';

const missing = chromiumMissing();

describe.skipIf(missing !== null)(
  `lists and record forms in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let colleague: Client;
    let browser: Browser;
    let page: Page;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      colleague = (await org.addUser('member', { name: 'Carla Colleague' })).client;
      const account = await createAccount(org.admin, {
        name: 'Harbourside Foods',
        domains: ['harbourside.example'],
      });
      for (const [name, amountMinor, closeDate] of [
        ['Harbourside cold store', 4_200_000, '2027-01-20'],
        ['=cmd|calc formula deal', 100_000, '2027-02-01'],
        ['Harbourside fleet', 950_000, '2026-12-18'],
      ] as const) {
        await createOpportunity(org.admin, {
          name,
          accountId: account.id,
          amountMinor,
          currency: 'EUR',
          closeDate,
        });
      }
      browser = await launchChromium();
      // Reduced motion: dialogs open at once, so screenshots show them settled.
      page = await browser.newPage({
        viewport: { width: 1440, height: 900 },
        acceptDownloads: true,
        reducedMotion: 'reduce',
      });
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it('when a rep creates a deal from the list, then it opens on its own page, announced and editable', async ({
      baseUrl,
    }) => {
      await signInAt(page, `${baseUrl}/app/opportunities`, org.adminUser.email);
      await expect.poll(() => page.getByText('3 opportunities').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '1-opportunities');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'New opportunity' }).click();
      const dialog = page.getByRole('dialog', { name: 'New opportunity' });
      await dialog.getByLabel('Name').fill('Harbourside spring menu');
      await dialog.getByRole('combobox', { name: 'Account' }).pressSequentially('harbour');
      await page.getByRole('option', { name: /^Harbourside Foods/ }).click();
      await dialog.getByLabel('Amount').fill('18,000');
      await dialog.getByLabel('Currency').selectOption('EUR');
      await dialog.getByLabel('Close date').fill('2027-03-31');
      await saveScreenshot(page, SUITE, '2-new-opportunity', { window: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Create opportunity' }).click();

      // The page behind the dialog is announced again once it closes.
      await expect
        .poll(() => page.getByRole('heading', { name: 'Harbourside spring menu', level: 1 }).isVisible())
        .toBe(true);
      await expect.poll(() => page.getByText('€18,000.00').isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Harbourside Foods' }).count()).toBeGreaterThan(0);
    });

    it('when a colleague saves the deal first, then the edit names them and keeps their change', async () => {
      const id = page.url().split('/').pop()!;
      await page.getByRole('button', { name: 'Edit' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit opportunity' });
      await dialog.getByLabel('Name').fill('Harbourside spring menu (signed)');
      const current = await colleague.get(`/api/v1/opportunities/${id}`);
      const theirs = await colleague.patch(`/api/v1/opportunities/${id}`, {
        version: current.body.version,
        name: 'Harbourside spring and summer menu',
      });
      expect(theirs.status).toBe(200);
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await expect
        .poll(() => dialog.getByText(/was changed by Carla Colleague since you opened it/).isVisible())
        .toBe(true);
      await saveScreenshot(page, SUITE, '3-stale-edit', { window: true });
      expect((await org.admin.get(`/api/v1/opportunities/${id}`)).body.name).toBe(
        'Harbourside spring and summer menu',
      );

      await dialog.getByRole('button', { name: 'Load their version' }).click();
      await expect
        .poll(() => dialog.getByLabel('Name').inputValue())
        .toBe('Harbourside spring and summer menu');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // In place: a stage picked on the page is saved at once.
      await page.getByRole('group', { name: 'Change in place' }).getByLabel('Stage').selectOption('Proposal');
      await expect
        .poll(async () => (await org.admin.get(`/api/v1/opportunities/${id}`)).body.probability)
        .toBeGreaterThan(10);
      await saveScreenshot(page, SUITE, '4-opportunity');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('when the filtered list is exported, then the file holds what the list shows, formulas defused', async ({
      baseUrl,
    }) => {
      await page.goto(`${baseUrl}/app/opportunities?q=harbourside&sort=-amount`);
      await expect.poll(() => page.getByText('3 opportunities').isVisible()).toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^opportunities-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = (await readFile((await download.path())!, 'utf8'))
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split(/\r?\n/);
      expect(lines[0]).toBe('Name,Account,Stage,Amount,Currency,Close date,Probability %,Owner');
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
        'Harbourside cold store',
        'Harbourside spring and summer menu',
        'Harbourside fleet',
      ]);

      await page.goto(`${baseUrl}/app/opportunities?q=cmd`);
      await expect.poll(() => page.getByText('1 opportunity').isVisible()).toBe(true);
      const [formula] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const text = await readFile((await formula.path())!, 'utf8');
      expect(text).toContain("'=cmd|calc formula deal,Harbourside Foods");
    });

    it('when deals are moved across the pipeline by mouse and by keyboard, then each move is saved', async ({
      baseUrl,
    }) => {
      const stageOf = async (name: string) => {
        const found = await org.admin.get(`/api/v1/lists/opportunities?q=${encodeURIComponent(name)}`);
        return (found.body.items as { name: string; stage: { name: string } }[]).find(
          (row) => row.name === name,
        )?.stage.name;
      };
      await page.goto(`${baseUrl}/app/pipeline?q=harbourside`);
      const lead = page.getByRole('region', { name: 'Lead' });
      await expect.poll(() => lead.getByText('2 deals').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '7-pipeline');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // By mouse: the card's handle dragged onto the next column.
      const handle = page.getByRole('button', { name: 'Move Harbourside fleet' });
      const target = (await page.getByRole('region', { name: 'Qualified' }).boundingBox())!;
      const start = (await handle.boundingBox())!;
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
      await page.mouse.down();
      await page.mouse.move(target.x + target.width / 2, target.y + 60, { steps: 12 });
      await page.mouse.up();
      await expect.poll(() => stageOf('Harbourside fleet')).toBe('Qualified');
      await expect
        .poll(() => page.getByRole('region', { name: 'Qualified' }).getByText('1 deal').isVisible())
        .toBe(true);

      // By keyboard: Space picks the card up, Right twice carries it two stages on, Space drops it.
      // Keys at a person's pace: the board measures where the card went between presses.
      await page.getByRole('button', { name: 'Move Harbourside cold store' }).focus();
      for (const key of ['Space', 'ArrowRight', 'ArrowRight', 'Space']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(150);
      }
      await expect.poll(() => stageOf('Harbourside cold store')).toBe('Proposal');
      await expect
        .poll(() =>
          page.getByText('Harbourside cold store moved to Proposal.', { exact: true }).first().isVisible(),
        )
        .toBe(true);
      await saveScreenshot(page, SUITE, '8-pipeline-moved');
    });

    it('when the lists and forms are as narrow as a task pane, then nothing breaks out of the layout', async ({
      baseUrl,
    }) => {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${baseUrl}/app/opportunities`);
      await expect.poll(() => page.getByRole('list', { name: 'Opportunities' }).isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '5-opportunities-narrow');
      await page.getByRole('button', { name: 'New opportunity' }).click();
      await expect.poll(() => page.getByRole('dialog', { name: 'New opportunity' }).isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '6-new-opportunity-narrow', { window: true });
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.setViewportSize({ width: 1440, height: 900 });
    });
  },
);
