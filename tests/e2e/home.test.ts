import type { Browser, Page } from 'playwright-core';
import type { User } from '@inbox-crm/shared';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import {
  createAccount,
  createContact,
  createOpportunity,
  emailToFile,
  fileEmail,
} from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'home';
const missing = chromiumMissing();

/** A calendar date this many days from today (UTC, the test users' zone). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(missing !== null)(
  `the home page in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let manager: { client: Client; user: User };
    let browser: Browser;
    let page: Page;
    let emailId: string;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      const team = (await org.admin.post('/api/v1/teams', { name: 'Field sales' })).body as { id: string };
      manager = await org.addUser('manager', { teamId: team.id, name: 'Maria Manager' });
      const teammate = await org.addUser('member', { teamId: team.id, name: 'Tim Teammate' });
      const owner = { ownerId: manager.user.id };
      const account = await createAccount(org.admin, {
        name: 'Harbourside Foods International Holdings',
        domains: ['harbourside.example'],
        website: 'harbourside.example',
        phone: '+44 20 7946 0000',
        ...owner,
      });
      const contact = await createContact(org.admin, {
        firstName: 'Priya',
        lastName: 'Raman',
        title: 'Head of Operations',
        accountId: account.id,
        emails: ['priya.raman@harbourside.example'],
        phones: [{ number: '+44 20 7946 0958', label: 'work' }],
        ...owner,
      });
      const stages = (await org.admin.get('/api/v1/pipeline-stages')).body.items as { id: string }[];
      await createOpportunity(org.admin, {
        name: 'Harbourside cold store extension',
        accountId: account.id,
        stageId: stages[2]!.id,
        amountMinor: 4_200_000,
        currency: 'EUR',
        closeDate: inDays(20),
        ...owner,
      });
      await createOpportunity(org.admin, {
        name: 'Teammate’s van lease',
        amountMinor: 95_000,
        currency: 'GBP',
        closeDate: inDays(0),
        ownerId: teammate.user.id,
      });
      for (const [title, dueAt, assigneeId] of [
        ['Send Priya the revised cold store quote', '2026-11-02T16:00:00Z', manager.user.id],
        ['Book the site visit', '2099-01-15T09:00:00Z', manager.user.id],
        ['Chase the signed lease', '2026-10-01T09:00:00Z', teammate.user.id],
      ] as const) {
        await org.admin.post('/api/v1/tasks', { title, dueAt, assigneeId, contactId: contact.id });
      }
      const links = [{ type: 'contact' as const, id: contact.id }];
      emailId = (
        await fileEmail(
          teammate.client,
          emailToFile({
            subject: 'Cold store: revised drawings',
            from: { email: 'priya.raman@harbourside.example', name: 'Priya Raman' },
            bodyHtml:
              '<p>Hello Maria,</p><p>The revised drawings for the <b>cold store</b> are attached.</p><p>Priya</p>',
            links,
          }),
        )
      ).body.id;
      await fileEmail(
        teammate.client,
        emailToFile({ subject: 'Lease terms (private)', private: true, links }),
      );
      await manager.client.post('/api/v1/recent-views', { type: 'account', id: account.id });
      await manager.client.post('/api/v1/recent-views', { type: 'contact', id: contact.id });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it('when a manager signs in, then the console opens on their home with their work and their team’s', async ({
      baseUrl,
    }) => {
      await signInAt(page, `${baseUrl}/app/`, manager.user.email);
      await expect.poll(() => page.getByRole('heading', { name: 'Home', level: 1 }).isVisible()).toBe(true);
      const tasks = page.getByRole('region', { name: 'My open tasks' });
      await expect.poll(() => tasks.getByText('2 open tasks').isVisible()).toBe(true);
      expect(await tasks.getByText(/^Overdue · was due/).count()).toBe(1);
      const team = page.getByRole('region', { name: 'My team' });
      expect(await team.getByText('2 overdue tasks').isVisible()).toBe(true);
      expect(await team.getByRole('link', { name: 'Teammate’s van lease' }).isVisible()).toBe(true);
      const mail = page.getByRole('region', { name: 'Recent mail on my records' });
      // The teammate's private email shows to their manager, marked as private.
      expect(await mail.getByText(/· Private$/).count()).toBe(1);
      expect(await page.getByRole('region', { name: 'Dashboard' }).isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '1-home-manager');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
    });

    it('when the window is 320 px wide, then the home page fits without sideways scrolling', async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      await expect.poll(() => page.getByRole('heading', { name: 'Home', level: 1 }).isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '2-home-narrow');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('when an email is opened from home, then its frame is as tall as the message, with no inner scrollbar, and names the sender in full', async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByRole('link', { name: 'Cold store: revised drawings' }).click();
      await expect.poll(() => page.url()).toContain(`/app/emails/${emailId}`);
      await expect
        .poll(() => page.getByText('Priya Raman <priya.raman@harbourside.example>').isVisible())
        .toBe(true);
      const frame = page.frameLocator('iframe[title="Email body"]');
      await expect.poll(() => frame.getByText('are attached.').isVisible()).toBe(true);
      const fit = async () => {
        const box = await page.locator('iframe[title="Email body"]').boundingBox();
        const inside = await frame.locator('html').evaluate((root) => ({
          scroll: root.scrollHeight,
          client: root.clientHeight,
        }));
        return { height: box!.height, ...inside };
      };
      await expect.poll(async () => (await fit()).scroll <= (await fit()).client).toBe(true);
      // Three short paragraphs: a few lines tall, not a fixed box of empty space.
      expect((await fit()).height).toBeLessThan(260);
      await saveScreenshot(page, SUITE, '3-email');
      await page.setViewportSize({ width: 320, height: 800 });
      await expect.poll(async () => (await fit()).scroll <= (await fit()).client).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '4-email-narrow');
    });

    it('when a recently viewed contact is opened at 320 px, then its phone, address, owner and open tasks read as words and links', async () => {
      // A narrow window keeps the console's links behind Menu, and closes it once one is followed.
      expect(await page.getByRole('navigation', { name: 'Console' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Home' }).click();
      await expect.poll(() => page.getByRole('navigation', { name: 'Console' }).count()).toBe(0);
      await page
        .getByRole('region', { name: 'Recently viewed' })
        .getByRole('link', { name: 'Priya Raman' })
        .click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'Priya Raman', level: 1 }).isVisible())
        .toBe(true);
      expect(await page.getByRole('link', { name: /7946 0958/ }).getAttribute('href')).toBe(
        'tel:+442079460958',
      );
      expect(await page.getByRole('link', { name: /^priya\.raman@/ }).getAttribute('href')).toBe(
        'mailto:priya.raman@harbourside.example',
      );
      // The owner picker fills once the people are loaded (beside the record and the dashboard's reports).
      await expect.poll(() => page.getByLabel('Owner').inputValue()).toBe(manager.user.id);
      await expect
        .poll(() =>
          page.getByRole('list', { name: 'Open tasks of this record' }).getByRole('listitem').count(),
        )
        .toBe(3);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '5-contact-narrow');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Harbourside Foods International Holdings' }).click();
      await expect
        .poll(() =>
          page.getByRole('heading', { name: 'Harbourside Foods International Holdings' }).isVisible(),
        )
        .toBe(true);
      const website = page.getByRole('link', { name: 'harbourside.example', exact: true });
      expect(await website.getAttribute('href')).toBe('https://harbourside.example');
      expect(await website.getAttribute('rel')).toBe('noopener noreferrer');
      await expect
        .poll(() =>
          page
            .getByText(/· closes /)
            .first()
            .isVisible(),
        )
        .toBe(true);
      // The cases section loads on its own, perhaps after the opportunities.
      await expect.poll(() => page.getByText('No cases yet', { exact: false }).isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '6-account-narrow');
    });
  },
);
