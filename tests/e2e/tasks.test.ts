import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import { createAccount, createOpportunity } from '../support/fixtures.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'tasks';

const missing = chromiumMissing();

describe.skipIf(missing !== null)(
  `the tasks page in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    let page: Page;
    let managerEmail: string;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      const team = (await org.admin.post('/api/v1/teams', { name: 'Sales' })).body as { id: string };
      const manager = await org.addUser('manager', { name: 'Maria Manager', teamId: team.id });
      const rep = await org.addUser('member', { name: 'Ravi Rep', teamId: team.id });
      managerEmail = manager.user.email;
      const account = await createAccount(org.admin, { name: 'Acme Logistics' });
      const deal = await createOpportunity(org.admin, { name: 'Fleet renewal', accountId: account.id });
      for (const [client, assigneeId, title, dueAt] of [
        [manager.client, manager.user.id, 'Send the signed agreement', '2026-11-20T10:00:00Z'],
        [manager.client, manager.user.id, 'Plan the quarterly review', '2027-03-01T10:00:00Z'],
        [rep.client, rep.user.id, 'Call about the renewal', '2027-01-10T10:00:00Z'],
      ] as const) {
        const reply = await client.post('/api/v1/tasks', {
          title,
          dueAt,
          assigneeId,
          accountId: account.id,
          opportunityId: deal.id,
        });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      }
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it("when a manager opens Tasks, then their own come first with what each concerns, and My team shows one teammate's", async ({
      baseUrl,
    }) => {
      await signInAt(page, `${baseUrl}/app/tasks`, managerEmail);
      const open = page.getByRole('list', { name: 'Open tasks' });
      // The first page after signing in loads the console's code too: more than poll's 1 s under load.
      await expect
        .poll(() => open.getByText('Send the signed agreement').isVisible(), { timeout: 15_000 })
        .toBe(true);
      expect(await open.getByText(/^Overdue/).count()).toBe(1);
      expect(await open.getByRole('link', { name: 'Fleet renewal' }).count()).toBe(2);
      await saveScreenshot(page, SUITE, '1-mine');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'My team' }).click();
      await page.getByLabel('Person').selectOption({ label: 'Ravi Rep' });
      await expect.poll(() => open.getByText('Call about the renewal').isVisible()).toBe(true);
      expect(await open.getByText('Send the signed agreement').count()).toBe(0);
      expect(await open.getByText('for Ravi Rep').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '2-team-person');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('when a task is created and ticked on a phone-wide window, then it is listed, then done, and nothing spills sideways', async () => {
      await page.setViewportSize({ width: 320, height: 700 });
      await page.getByRole('tab', { name: 'Mine' }).click();
      await page.getByRole('button', { name: 'New task' }).click();
      const dialog = page.getByRole('dialog', { name: 'New task' });
      await dialog.getByLabel('Title').fill('Book the warehouse visit');
      await saveScreenshot(page, SUITE, '3-new-task-320', { window: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Create task' }).click();

      const open = page.getByRole('list', { name: 'Open tasks' });
      await expect.poll(() => open.getByText('Book the warehouse visit').isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '4-mine-320');
      await open.getByRole('checkbox', { name: 'Send the signed agreement' }).click();
      await expect.poll(() => page.getByText('“Send the signed agreement” is done.').isVisible()).toBe(true);
      await page.getByRole('tab', { name: 'Done' }).click();
      await expect
        .poll(() =>
          page.getByRole('list', { name: 'Done tasks' }).getByText('Send the signed agreement').isVisible(),
        )
        .toBe(true);
    });
  },
);
