import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveOfficeJs } from '@inbox-crm/addin-outlook/testing';
import type { FakeMessage } from '@inbox-crm/addin-outlook/testing';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { createCustomer, inboxMessage, type Customer } from '../support/customer.js';
import { fileEmail, emailToFile } from '../support/fixtures.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'outlook-many-and-meetings';
const TASK_PANE = { width: 320, height: 900 };
const missing = chromiumMissing();

type FakeWindow = { fakeOutlook: { selectMany(indexes: number[]): void; mostLoadedAtOnce: number } };

describe.skipIf(missing !== null)(
  `several messages and meetings in the Outlook pane in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let customer: Customer;
    let browser: Browser;
    const me = () => org.adminUser.email;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      customer = await createCustomer(org.admin);
      browser = await launchChromium();
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    async function openPane(baseUrl: string, messages: FakeMessage[]): Promise<Page> {
      const context = await browser.newContext({ viewport: TASK_PANE });
      await serveOfficeJs(context, { userAddress: me(), messages, selected: 0 });
      const page = await context.newPage();
      await signInAt(page, `${baseUrl}/outlook/`, me());
      return page;
    }

    it('when four messages are selected and filed at once, then each says what became of it: filed, filed before, or not filed and why', async ({
      baseUrl,
    }) => {
      const fromPriya = inboxMessage(me(), { subject: 'Van 3 delivery date' });
      const filedBefore = inboxMessage(me(), { subject: 'Re: Fleet renewal: signed' });
      await fileEmail(
        org.admin,
        emailToFile({
          messageId: filedBefore.internetMessageId!,
          subject: filedBefore.subject,
          links: [{ type: 'contact', id: customer.contact.id }],
        }),
      );
      const stranger = inboxMessage(me(), {
        subject: 'Would you like to buy toner?',
        from: { emailAddress: 'sales@toner-direct.example', displayName: 'Toner Direct' },
      });
      const colleague = inboxMessage(me(), {
        subject: 'Lunch on Friday?',
        from: { emailAddress: `sam@${org.domain}`, displayName: 'Sam Colleague' },
      });
      const page = await openPane(baseUrl, [fromPriya, filedBefore, stranger, colleague]);
      await expect.poll(() => page.getByLabel('Contact Priya Raman').isVisible()).toBe(true);

      await page.evaluate(() => (window as unknown as FakeWindow).fakeOutlook.selectMany([0, 1, 2, 3]));
      await expect.poll(() => page.getByText('4 messages selected').isVisible()).toBe(true);
      const list = page.getByRole('list', { name: 'Selected messages' });
      expect(await list.locator(':scope > li').count()).toBe(4);
      expect(await page.getByLabel('Each to its own people’s contacts and accounts').isChecked()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '1-selection');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'File 4 messages' }).click();
      await expect.poll(() => page.getByText('1 filed, 1 filed before, 2 not filed.').isVisible()).toBe(true);
      const outcomes = await list.locator(':scope > li').allInnerTexts();
      expect(outcomes.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
        'Van 3 delivery date Filed.',
        'Re: Fleet renewal: signed Already filed; now on these records too.',
        'Would you like to buy toner? Not filed: nobody on it is in the CRM, and no record was chosen for all of them.',
        'Lunch on Friday? Not filed: only you and colleagues are on it.',
      ]);
      expect(await page.evaluate(() => (window as unknown as FakeWindow).fakeOutlook.mostLoadedAtOnce)).toBe(
        1,
      );
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '2-selection-filed');
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '2-selection-filed-wide');

      const stored = await org.admin.get(
        `/api/v1/emails/by-message-id/${encodeURIComponent(fromPriya.internetMessageId!)}`,
      );
      expect(stored.body.links.map((link: { name: string }) => link.name).sort()).toEqual([
        'Northwind Traders',
        'Priya Raman',
      ]);
      expect(stored.body.attachments.map((file: { stored: boolean }) => file.stored)).toEqual([true]);
      for (const notFiled of [stranger, colleague]) {
        const reply = await org.admin.get(
          `/api/v1/emails/by-message-id/${encodeURIComponent(notFiled.internetMessageId!)}`,
        );
        expect(reply.status).toBe(404);
      }
    });

    it('when a meeting with a customer is opened and logged, then it is on their records once, and the pane says so when opened again', async ({
      baseUrl,
    }) => {
      const review: FakeMessage = {
        itemId: 'AAMkAGmeeting1',
        subject: 'Fleet renewal review',
        to: [],
        dateTimeCreated: '2026-11-20T08:00:00.000Z',
        meeting: {
          start: '2026-12-08T14:00:00.000Z',
          end: '2026-12-08T14:45:00.000Z',
          organizer: { emailAddress: 'priya.raman@northwind.example', displayName: 'Priya Raman' },
          required: [
            { emailAddress: me(), displayName: 'Ada Admin' },
            { emailAddress: 'dana.whitfield@contoso-labs.example', displayName: 'Dana Whitfield' },
          ],
          location: 'Northwind, Harbour Road 4',
        },
      };
      const page = await openPane(baseUrl, [review, inboxMessage(me())]);
      await expect
        .poll(() => page.getByRole('heading', { name: 'Fleet renewal review' }).isVisible())
        .toBe(true);
      expect(await page.getByText(/Northwind, Harbour Road 4/).isVisible()).toBe(true);
      expect(await page.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      expect(await page.getByText('2 people on this meeting').isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Log meeting' }).click();
      const form = page.getByRole('group', { name: 'Log this meeting' });
      expect(await form.getByRole('checkbox', { name: /Priya Raman/ }).isChecked()).toBe(true);
      expect(await form.getByRole('checkbox', { name: /Northwind Traders/ }).isChecked()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '3-log-meeting');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await form.getByRole('button', { name: 'Log meeting to 2 records' }).click();
      await expect.poll(() => page.getByText('Meeting logged').isVisible()).toBe(true);
      // Its people's history shows it, with its length.
      await expect.poll(() => page.getByText(/^Meeting · .* · 45 min$/).isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '4-meeting-logged');
      // The pane opened as wide as a desktop window (Outlook on the web lets it grow).
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '5-meeting-logged-wide');

      const meetings = await org.admin.get(
        `/api/v1/activities?type=meeting&recordType=contact&recordId=${customer.contact.id}`,
      );
      expect(meetings.body.items).toHaveLength(1);
      expect(meetings.body.items[0]).toMatchObject({
        subject: 'Fleet renewal review',
        occurredAt: '2026-12-08T14:00:00.000Z',
        durationMinutes: 45,
      });
      expect(meetings.body.items[0].links).toContainEqual({ type: 'account', id: customer.account.id });

      // Opened again (another attendee's pane would be the same): logged, and not offered again.
      const again = await openPane(baseUrl, [review]);
      await expect.poll(() => again.getByText('Meeting logged').isVisible()).toBe(true);
      expect(await again.getByRole('button', { name: 'Log meeting' }).count()).toBe(0);
    });
  },
);
