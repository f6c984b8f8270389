import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@inbox-crm/addin-outlook/testing';
import { createCustomer } from '../support/customer.js';
import { emailToFile, fileEmail } from '../support/fixtures.js';
import { describe, expect, it } from '../support/suite.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'email-attachments';
const LOGO_SIZE = { width: 120, height: 30 };
const missing = chromiumMissing();

/** The sender's logo: a plain green picture, attached inline and shown by the body as cid:. */
function logoPng(): Buffer {
  const png = new PNG(LOGO_SIZE);
  for (let offset = 0; offset < png.data.length; offset += 4) png.data.set([0x10, 0x7c, 0x10, 0xff], offset);
  return PNG.sync.write(png);
}

// An HTML attachment that would mark the page it ran in.
const HOSTILE_HTML =
  '<html><body><script>window.top.attachmentRan = true; document.title = "ran"</script>Invoice</body></html>';

/** Whether the email frame's logo has loaded, and its width. */
const logoWidth = (page: Page) =>
  page
    .frameLocator('iframe[title="Email body"]')
    .getByRole('img', { name: 'Northwind logo' })
    .evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0))
    .catch(() => 0);

describe.skipIf(missing !== null)(
  `an email's attachments in the console${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    let page: Page;
    let emailPath: string;
    const remoteRequests: string[] = [];

    it.beforeAll(async ({ testApp, baseUrl }) => {
      org = await createTestOrganisation(testApp);
      const customer = await createCustomer(org.admin);
      const file = (name: string, contentType: string, bytes: Buffer, more: object = {}) => ({
        name,
        contentType,
        size: bytes.length,
        content: bytes.toString('base64'),
        ...more,
      });
      const filed = await fileEmail(
        org.admin,
        emailToFile({
          subject: 'Invoice 1042 and the signed order',
          bodyHtml:
            '<p><img src="cid:logo.png@01DA5E" alt="Northwind logo" width="120" height="30"></p><p>Please find the invoice attached.</p><img src="https://images.example/tracker.png" alt="Tracker">',
          attachments: [
            file('logo.png', 'image/png', logoPng(), { inline: true, contentId: '<logo.png@01DA5E>' }),
            file('invoice-1042.html', 'text/html', Buffer.from(HOSTILE_HTML)),
            file(
              'Signed order – Northwind Traders, November 2026.pdf',
              'application/pdf',
              Buffer.from('%PDF-1.4 …'),
            ),
            { name: 'fleet-list.xlsx', contentType: 'application/vnd.ms-excel', size: 48_213 },
          ] as never,
          links: [{ type: 'contact', id: customer.contact.id }],
        }),
      );
      emailPath = `/app/emails/${filed.body.id}`;
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      await page.route('https://images.example/**', (route) => {
        remoteRequests.push(route.request().url());
        return route.abort();
      });
      await signInAt(page, `${baseUrl}/app/search`, org.adminUser.email);
      await page.getByRole('searchbox', { name: 'Search records and correspondence' }).waitFor();
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it('when the email is opened, then its inline logo shows from the kept file while the remote image stays blocked', async ({
      baseUrl,
    }) => {
      await page.goto(`${baseUrl}${emailPath}`);
      await expect.poll(() => logoWidth(page)).toBe(LOGO_SIZE.width);
      expect(remoteRequests).toEqual([]);
      const files = page.getByRole('list', { name: 'Attachments' });
      await expect.poll(() => files.getByRole('listitem').count()).toBe(3);
      expect(await files.getByRole('button', { name: 'Download invoice-1042.html' }).isVisible()).toBe(true);
      expect(await files.getByText('name only, the file was not kept', { exact: false }).isVisible()).toBe(
        true,
      );
      // The inline logo is part of the body, not a file in the list.
      expect(await files.getByText('logo.png').count()).toBe(0);
      await saveScreenshot(page, SUITE, '1-attachments-wide');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('when an HTML attachment is downloaded, then the browser saves it under its name and nothing in it runs', async () => {
      const title = await page.title();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download invoice-1042.html' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('invoice-1042.html');
      expect(await readFile((await download.path())!, 'utf8')).toBe(HOSTILE_HTML);
      await page.waitForTimeout(300);
      expect(
        await page.evaluate(() => (window as { attachmentRan?: boolean }).attachmentRan),
      ).toBeUndefined();
      expect(await page.title()).toBe(title);
      expect(page.url()).toContain(emailPath);
    });

    it('when the console is as narrow as a task pane, then the list of attachments fits', async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      await expect
        .poll(() => page.getByRole('button', { name: /Download Signed order/ }).isVisible())
        .toBe(true);
      await expect.poll(() => overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '2-attachments-narrow');
      await page.setViewportSize({ width: 1440, height: 900 });
    });
  },
);
