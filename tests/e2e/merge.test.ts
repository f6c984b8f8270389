import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import type { Contact } from '@inbox-crm/shared';
import { createAccount, createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'merge';

const missing = chromiumMissing();

describe.skipIf(missing !== null)(
  `merging duplicate contacts in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    let page: Page;
    let kept: Contact;
    let duplicate: Contact;
    const subjects = ['Quote for the cold store', 'Delivery slots in January', 'Invoice 2041 query'];

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      const account = await createAccount(org.admin, {
        name: 'Harbourside Foods',
        domains: ['harbourside.example'],
      });
      kept = await createContact(org.admin, {
        firstName: 'Priya',
        lastName: 'Raman',
        accountId: account.id,
        emails: ['priya.raman@harbourside.example'],
      });
      duplicate = await createContact(org.admin, {
        firstName: 'Priya',
        lastName: 'Raman',
        title: 'Head of Purchasing',
        emails: ['priya@raman-family.example'],
        phones: [{ number: '+44 20 7946 0321', label: 'mobile' }],
      });
      const [first, second, third] = subjects;
      await fileEmail(org.admin, emailToFile({ subject: first!, links: [{ type: 'contact', id: kept.id }] }));
      await fileEmail(
        org.admin,
        emailToFile({
          subject: second!,
          from: { email: 'priya@raman-family.example', name: 'Priya Raman' },
          links: [{ type: 'contact', id: duplicate.id }],
        }),
      );
      await fileEmail(
        org.admin,
        emailToFile({
          subject: third!,
          links: [
            { type: 'contact', id: kept.id },
            { type: 'contact', id: duplicate.id },
          ],
        }),
      );
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it('when a manager merges two contacts, then every timeline entry of both is on the one kept, once', async ({
      baseUrl,
    }) => {
      await signInAt(page, `${baseUrl}/app/contacts/${kept.id}`, org.adminUser.email);
      const suggestions = page.getByRole('region', { name: 'Possible duplicates' });
      // The first page after signing in loads the console's code too: more than poll's 1 s under load.
      await expect.poll(() => suggestions.getByText('Same name').isVisible(), { timeout: 15_000 }).toBe(true);
      await saveScreenshot(page, SUITE, '1-contact-with-duplicate');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await suggestions.getByRole('button', { name: 'Merge with Priya Raman' }).click();
      const dialog = page.getByRole('dialog', { name: 'Merge two contacts' });
      await expect.poll(() => dialog.getByText('1 timeline entry', { exact: false }).isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '2-merge-dialog', { window: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog
        .getByRole('radiogroup', { name: 'Title' })
        .getByRole('radio', { name: 'Head of Purchasing' })
        .check();
      await dialog.getByRole('button', { name: 'Merge into Priya Raman' }).click();

      await expect.poll(() => suggestions.isVisible()).toBe(false);
      const timeline = page.getByRole('region', { name: 'Correspondence and activity' });
      for (const subject of subjects) {
        await expect.poll(() => timeline.getByText(subject).count()).toBe(1);
      }
      await expect.poll(() => page.getByText('Head of Purchasing').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '3-merged');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.goto(`${baseUrl}/app/contacts/${duplicate.id}`);
      await expect
        .poll(() => page.getByText('This contact was merged into Priya Raman.').isVisible())
        .toBe(true);
      await page.getByRole('link', { name: 'Priya Raman' }).click();
      await expect.poll(() => page.url()).toBe(`${baseUrl}/app/contacts/${kept.id}`);
    });

    it('when the merge dialog opens on a phone-wide window, then nothing spills sideways', async ({
      baseUrl,
    }) => {
      const other = await createContact(org.admin, { firstName: 'Priya', lastName: 'Raman', title: 'Buyer' });
      await page.setViewportSize({ width: 320, height: 700 });
      await page.goto(`${baseUrl}/app/contacts/${kept.id}`);
      await page
        .getByRole('region', { name: 'Possible duplicates' })
        .getByRole('button', { name: 'Merge with Priya Raman' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Merge two contacts' });
      await expect.poll(() => dialog.getByRole('radiogroup', { name: 'Title' }).isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '4-merge-dialog-320', { window: true });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect((await org.admin.get(`/api/v1/contacts/${other.id}`)).body.deletedAt).toBeNull();
    });
  },
);
