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

const SUITE = 'email-remote-images';
const BANNER_URL = 'https://images.example/renewal-banner.png';
const BANNER_SIZE = { width: 240, height: 60 };
const missing = chromiumMissing();

/** A plain blue picture of the banner's size, as the sender's image server would answer. */
function bannerPng(): Buffer {
  const png = new PNG(BANNER_SIZE);
  for (let offset = 0; offset < png.data.length; offset += 4) png.data.set([0x0f, 0x6c, 0xbd, 0xff], offset);
  return PNG.sync.write(png);
}

/** Whether the email frame's image has loaded and has the banner's size. */
const bannerShown = (page: Page) =>
  page
    .frameLocator('iframe[title="Email body"]')
    .getByRole('img', { name: 'Renewal offer' })
    .evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)
    .catch(() => 0);

describe.skipIf(missing !== null)(
  `an email's remote images in the console${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    let page: Page;
    let emailPath: string;
    /** Requests for the remote image that got past the policies to the network. */
    const imageRequests: string[] = [];

    it.beforeAll(async ({ testApp, baseUrl }) => {
      org = await createTestOrganisation(testApp);
      const customer = await createCustomer(org.admin);
      const html = `<p>Here is the renewal offer we discussed.</p><img src="${BANNER_URL}" alt="Renewal offer" width="240" height="60">`;
      const filed = await fileEmail(
        org.admin,
        emailToFile({
          subject: 'Renewal offer with pictures',
          bodyHtml: html,
          links: [{ type: 'contact', id: customer.contact.id }],
        }),
      );
      emailPath = `/app/emails/${filed.body.id}`;
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const banner = bannerPng();
      // A request a policy blocks never reaches routing; one it lets through is counted here.
      await page.route('https://images.example/**', (route) => {
        imageRequests.push(route.request().url());
        return route.fulfill({ status: 200, contentType: 'image/png', body: banner });
      });
      await signInAt(page, `${baseUrl}/app/search`, org.adminUser.email);
      await page.getByRole('searchbox', { name: 'Search records and correspondence' }).waitFor();
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    it('when the filed email is read through the API, then its image is stored inert', async () => {
      const stored = await org.admin.get(emailPath.replace('/app/', '/api/v1/'));
      expect(stored.body.bodyHtml).toContain(`data-src="${BANNER_URL}"`);
      expect(stored.body.bodyHtml).not.toContain(' src=');
    });

    it('when the email is opened, then its body shows, its remote image is not fetched and the reader is told why', async ({
      baseUrl,
    }) => {
      await page.goto(`${baseUrl}${emailPath}`);
      const body = page.frameLocator('iframe[title="Email body"]').getByText('Here is the renewal offer');
      await expect.poll(() => body.isVisible()).toBe(true);
      await expect.poll(() => page.getByText('This message has remote images.').isVisible()).toBe(true);
      await page.waitForTimeout(500);
      expect(imageRequests).toEqual([]);
      expect(await bannerShown(page)).toBe(0);
      await saveScreenshot(page, SUITE, '1-images-blocked-wide');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('when the console is as narrow as a task pane, then the images bar and the body fit', async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      await expect.poll(() => page.getByRole('button', { name: 'Show images' }).isVisible()).toBe(true);
      // The page lays itself out again a moment after the viewport shrinks; judge it once it has.
      await expect.poll(() => overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '2-images-blocked-narrow');
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    it('when Show images is clicked, then the image is fetched once and shows, for this email only', async () => {
      await page.getByRole('button', { name: 'Show images' }).click();
      await expect.poll(() => bannerShown(page)).toBe(BANNER_SIZE.width);
      expect(imageRequests).toEqual([BANNER_URL]);
      await expect
        .poll(() => page.getByText('Remote images are shown for this message.').isVisible())
        .toBe(true);
      await saveScreenshot(page, SUITE, '3-images-shown-wide');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.reload();
      await expect.poll(() => page.getByRole('button', { name: 'Show images' }).isVisible()).toBe(true);
      await page.waitForTimeout(500);
      expect(imageRequests).toEqual([BANNER_URL]);
    });
  },
);
