import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveOfficeJs } from '@inbox-crm/addin-outlook/testing';
import type { Contact } from '@inbox-crm/shared';
import { inboxMessage } from '../support/customer.js';
import { createAccount, createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import { Client } from '../support/http.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';
import { signInAt } from './support/sign-in.js';

const SUITE = 'privacy';
const missing = chromiumMissing();
const ADDRESS = 'marguerite.obel@forget-me.example';

describe.skipIf(missing !== null)(
  `privacy requests in the console and the pane, in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    let page: Page;
    let marguerite: Contact;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      marguerite = await createContact(org.admin, {
        firstName: 'Marguerite',
        lastName: 'Obel',
        emails: [ADDRESS],
      });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it('when an admin downloads a contact’s data and then forgets them from their page, then the dialog says what will go, and afterwards what went', async ({
      baseUrl,
    }) => {
      await signInAt(page, `${baseUrl}/app/contacts/${marguerite.id}`, org.adminUser.email);
      const requests = page.getByRole('region', { name: 'Privacy requests' });
      const forget = requests.getByRole('button', { name: 'Forget Marguerite Obel…' });
      await expect.poll(() => forget.isVisible(), { timeout: 15_000 }).toBe(true);
      const downloading = page.waitForEvent('download');
      await requests.getByRole('button', { name: 'Download everything about them' }).click();
      const theirData = await downloading;
      expect(theirData.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.zip$/);
      expect((await readFile((await theirData.path())!)).subarray(0, 2).toString()).toBe('PK');
      await forget.click();
      const dialog = page.getByRole('dialog', { name: 'Forget Marguerite Obel?' });
      const confirm = dialog.getByRole('button', { name: 'Forget Marguerite Obel' });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel('I understand that this cannot be undone').check();
      await saveScreenshot(page, SUITE, '1-forget-contact', { window: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await confirm.click();

      const done = page.getByRole('dialog', { name: 'Marguerite Obel is forgotten' });
      await expect.poll(() => done.getByText('1 contact deleted').isVisible()).toBe(true);
      expect(await done.getByText('1 address suppressed').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '2-forgotten', { window: true });
      await done.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => page.url()).toMatch(/\/app\/contacts$/);
      expect(await page.getByRole('link', { name: 'Marguerite Obel' }).count()).toBe(0);
    });

    it('when the address is checked on the data and privacy page, then it is on the list, and can be taken off and put back; the export downloads', async ({
      baseUrl,
    }) => {
      await page.goto(`${baseUrl}/app/deployment`);
      await page.getByRole('link', { name: 'data and privacy' }).click();
      await expect.poll(() => page.getByText('1 address is suppressed.').isVisible()).toBe(true);
      const list = page.getByRole('region', { name: 'Suppression list' });
      await list.getByLabel('Address').fill(ADDRESS.toUpperCase());
      await list.getByRole('button', { name: 'Check' }).click();
      await expect
        .poll(() => list.getByText(`${ADDRESS} is on the suppression list.`).isVisible())
        .toBe(true);
      expect(await list.getByText('Forgotten', { exact: true }).isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '3-data-page');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await list.getByRole('button', { name: 'Take it off the list' }).click();
      await expect
        .poll(() => list.getByText(`${ADDRESS} is not on the suppression list.`).isVisible())
        .toBe(true);
      // The count is read again after the answer shows.
      await expect.poll(() => page.getByText('0 addresses are suppressed.').isVisible()).toBe(true);
      await list.getByRole('button', { name: 'Suppress it' }).click();
      await expect.poll(() => page.getByText('1 address is suppressed.').isVisible()).toBe(true);

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download the export' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^inbox-crm-export-\d{4}-\d{2}-\d{2}\.zip$/);
      const zip = await readFile((await download.path())!);
      expect(zip.subarray(0, 2).toString()).toBe('PK');

      await page.setViewportSize({ width: 320, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '4-data-page-narrow');
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    it('when an admin sets how long mail is kept and metadata only, then they are saved and a new email shows it keeps no content', async ({
      baseUrl,
    }) => {
      await page.goto(`${baseUrl}/app/data`);
      const keeping = page.getByRole('region', { name: 'Keeping mail' });
      await expect.poll(() => keeping.getByLabel('Keep mail’s content').isVisible()).toBe(true);
      await keeping.getByLabel('Keep mail’s content').selectOption({ label: '2 years' });
      await keeping.getByLabel('Then').selectOption({ label: 'Delete the email' });
      await keeping.getByLabel(/Keep only the subject, people and dates/).check();
      await keeping.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => keeping.getByText('Saved.').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '5-keeping-mail');
      const settings = (await org.admin.get('/api/v1/organisation')).body;
      expect(settings).toMatchObject({ retentionMonths: 24, retentionAction: 'delete', metadataOnly: true });

      const account = await createAccount(org.admin, { name: 'Kept Short', domains: ['kept-short.example'] });
      const filed = await fileEmail(org.admin, emailToFile({ links: [{ type: 'account', id: account.id }] }));
      await page.goto(`${baseUrl}/app/emails/${filed.body.id}`);
      await expect
        .poll(() =>
          page
            .getByText('Your organisation keeps only the subject, people and dates of filed mail.')
            .isVisible(),
        )
        .toBe(true);
      await page.setViewportSize({ width: 320, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '6-email-without-content');
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    it('when an admin makes a token for a website form, then it is shown once, records consent and nothing else, and revoking it stops it', async ({
      baseUrl,
      testApp,
    }) => {
      await page.goto(`${baseUrl}/app/data`);
      const forms = page.getByRole('region', { name: 'Website forms' });
      await expect.poll(() => forms.getByText('You have no tokens for forms yet.').isVisible()).toBe(true);
      await forms.getByLabel('The website or form it is for').fill('Newsletter sign-up');
      await forms.getByRole('button', { name: 'Make a token' }).click();
      const secret = forms.getByLabel('The new token');
      await expect.poll(() => secret.isVisible()).toBe(true);
      const token = await secret.inputValue();
      expect(token).toMatch(/^icrm_/);
      // The list is read again once the token is made.
      await expect.poll(() => forms.getByText('Newsletter sign-up', { exact: true }).isVisible()).toBe(true);
      await forms.scrollIntoViewIfNeeded();
      await saveScreenshot(page, SUITE, '7-form-token');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 320, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await forms.scrollIntoViewIfNeeded();
      await saveScreenshot(page, SUITE, '8-form-token-narrow');
      await page.setViewportSize({ width: 1440, height: 900 });

      const website = new Client(testApp.app, token);
      const answer = await website.post('/api/v1/consents', {
        email: 'reader@newsletter-form.example',
        purposes: ['newsletter'],
        state: 'opt_in',
        source: 'Newsletter sign-up',
        wording: 'Send me the newsletter.',
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect((await website.get('/api/v1/contacts')).status).toBe(403);

      await forms.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => secret.count()).toBe(0);
      await forms.getByRole('button', { name: 'Revoke' }).click();
      await expect.poll(() => forms.getByText('You have no tokens for forms yet.').isVisible()).toBe(true);
      expect((await website.post('/api/v1/consents', { email: 'x@newsletter-form.example' })).status).toBe(
        401,
      );
    });

    it('when their message is open in the pane, then it says they asked to be forgotten and offers no contact', async ({
      baseUrl,
    }) => {
      // On the list whatever the tests before left (suppressing twice keeps one entry).
      expect((await org.admin.post('/api/v1/privacy/suppressions', { email: ADDRESS })).status).toBe(201);
      const context = await browser.newContext({
        viewport: { width: 320, height: 900 },
        reducedMotion: 'reduce',
      });
      await serveOfficeJs(context, {
        userAddress: org.adminUser.email,
        messages: [
          inboxMessage(org.adminUser.email, {
            subject: 'Please remove me',
            from: { emailAddress: ADDRESS, displayName: 'Marguerite Obel' },
          }),
        ],
        selected: 0,
      });
      const pane = await context.newPage();
      await signInAt(pane, `${baseUrl}/outlook/`, org.adminUser.email);
      await expect
        .poll(() => pane.getByText(/asked to be forgotten/).isVisible(), { timeout: 15_000 })
        .toBe(true);
      expect(await pane.getByRole('button', { name: 'Create contact' }).count()).toBe(0);
      expect(await overflowsHorizontally(pane)).toBe(false);
      await saveScreenshot(pane, SUITE, '9-pane-forgotten');
      expect(await seriousAxeViolations(pane)).toEqual([]);
      await context.close();
    });
  },
);
