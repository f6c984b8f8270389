import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import type { Contact } from '@inbox-crm/shared';
import { createContact } from '../support/fixtures.js';
import { mbox } from '../support/mailbox-archive.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it, test } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';
import { signInAt } from './support/sign-in.js';

// The test runs the import worker itself, when it wants the worker's step done: a database of its own.
test.override('appOptions', { isolated: true });

const SUITE = 'imports';
const missing = chromiumMissing();

// Column names the suggestions do not know, a row with a bad address, and one that is fine.
const FILE = [
  'Mail,Given,Family,Firm',
  'hedy@lamarr-import.example,Hedy,Lamarr,Frequency Hopping Ltd',
  'not an address,Broken,Row,',
  'claude@shannon-import.example,Claude,Shannon,Bell Labs',
].join('\n');

const contactsNamed = async (org: TestOrganisation, q: string) =>
  (await org.admin.get<{ items: Contact[] }>(`/api/v1/contacts?q=${q}`)).body.items;

describe.skipIf(missing !== null)(
  `the import wizard in the console, in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    let page: Page;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it('when an admin uploads a file from the contacts list, maps its columns, checks it, imports it and reverts it, then each step shows what it did', async ({
      baseUrl,
      scheduler,
    }) => {
      await signInAt(page, `${baseUrl}/app/contacts`, org.adminUser.email);
      await page.getByRole('button', { name: 'Import CSV' }).click();
      await page.getByRole('heading', { name: 'Import data' }).waitFor();
      expect(await page.getByLabel('The file holds').inputValue()).toBe('contact');
      await page.setInputFiles('input[type=file]', {
        name: 'trade-show.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(FILE),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByRole('heading', { name: 'trade-show.csv' }).waitFor();

      // Only the address column is recognised; the rest are mapped by hand.
      expect(await page.getByLabel('Mail').inputValue()).toBe('email');
      expect(await page.getByLabel('Given').inputValue()).toBe('');
      await page.getByLabel('Given').selectOption({ label: 'First name' });
      await expect.poll(() => page.getByLabel('Given').inputValue()).toBe('firstName');
      await page.getByLabel('Family').selectOption({ label: 'Last name' });
      await expect.poll(() => page.getByLabel('Family').inputValue()).toBe('lastName');
      await page.getByLabel('Firm').selectOption({ label: 'Company' });
      await expect.poll(() => page.getByLabel('Firm').inputValue()).toBe('account');
      await saveScreenshot(page, SUITE, '1-mapping-1440');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
      await page.getByText('Checking the file…').waitFor();
      await scheduler.worker.drain();
      const dryRun = page.getByText(/^The dry run read 3 rows/);
      await dryRun.waitFor({ timeout: 15_000 });
      expect(await dryRun.textContent()).toContain(
        '2 to create · 0 to update · 0 already up to date · 1 would be refused',
      );
      const outcomes = page.getByRole('list', { name: 'What each row would do' });
      await expect
        .poll(() => outcomes.textContent())
        .toContain('Email “not an address” is not an email address.');
      expect(await contactsNamed(org, 'lamarr')).toEqual([]);
      await saveScreenshot(page, SUITE, '2-dry-run-1440');

      await page.getByRole('button', { name: 'Import 3 rows' }).click();
      // The worker has not started it yet: the bar waits at nothing done, and it can still be cancelled.
      await page.getByRole('button', { name: 'Cancel the import' }).waitFor();
      expect(
        await page.getByRole('progressbar', { name: 'Waiting for the worker to start…' }).isVisible(),
      ).toBe(true);
      await saveScreenshot(page, SUITE, '3-waiting-1440');
      await scheduler.worker.drain();
      await page.getByText(/^Read 3 rows/).waitFor({ timeout: 15_000 });
      const hedy = (await contactsNamed(org, 'lamarr'))[0]!;
      expect(hedy).toMatchObject({ firstName: 'Hedy', lastName: 'Lamarr' });
      await page.getByRole('tab', { name: 'New (2)' }).click();
      await page.getByRole('link', { name: 'hedy@lamarr-import.example' }).waitFor();

      await page.setViewportSize({ width: 320, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '4-imported-320');
      await page.getByRole('button', { name: 'Revert this import…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revert trade-show.csv?' });
      await saveScreenshot(page, SUITE, '5-revert-320', { window: true });
      await dialog.getByRole('button', { name: 'Revert the import' }).click();
      await scheduler.worker.drain();
      const reverted = page.getByText(/^Reverted:/);
      await reverted.waitFor({ timeout: 15_000 });
      expect(await reverted.textContent()).toBe('Reverted: 4 records deleted.');
      expect(await contactsNamed(org, 'lamarr')).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '6-reverted-320');
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    it('when an admin uploads a mailbox archive, then its messages are filed to the people they match and the rest counted', async ({
      baseUrl,
      scheduler,
    }) => {
      await createContact(org.admin, {
        firstName: 'Grace',
        lastName: 'Archive',
        emails: ['grace@archive-e2e.example'],
      });
      await page.goto(`${baseUrl}/app/imports`);
      await page.getByRole('heading', { name: 'Import data' }).waitFor();
      await page.getByLabel('The file holds').selectOption('email');
      await page.setInputFiles('input[type=file]', {
        name: 'sales.mbox',
        mimeType: 'application/mbox',
        buffer: Buffer.from(
          mbox([
            {
              from: 'Grace <grace@archive-e2e.example>',
              subject: 'Our order',
              messageId: 'o1@archive-e2e.example',
              body: 'Please confirm.',
            },
            { from: 'someone@gmail.com', subject: 'Hello', messageId: 'h1@gmail.com', body: 'Hi.' },
          ]),
        ),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByRole('heading', { name: 'sales.mbox' }).waitFor();
      expect(await page.getByRole('button', { name: 'Check the file (dry run)' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Import now' }).click();
      // Queued once the button goes: only then has the worker an import to drain.
      await page.getByRole('button', { name: 'Import now' }).waitFor({ state: 'detached' });
      await scheduler.worker.drain();
      const summary = page.getByText(/^Read 2 messages/);
      await summary.waitFor({ timeout: 15_000 });
      expect(await summary.textContent()).toBe(
        'Read 2 messages: 1 filed · 0 filed before · 1 skipped as they match nobody · 0 refused.',
      );
      await page.getByRole('tab', { name: 'Filed (1)' }).click();
      await page.getByRole('link', { name: 'Our order' }).click();
      await page.getByRole('heading', { name: 'Our order' }).waitFor();
      await saveScreenshot(page, SUITE, '7-archive-email-1440');
    });
  },
);
