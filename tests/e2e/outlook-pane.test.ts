import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveOfficeJs, type FakeOutlookControl } from '@inbox-crm/addin-outlook/testing';
import { chromiumMissing } from './support/chromium.js';
import { signInAt } from './support/sign-in.js';
import { createCustomer, inboxMessage } from '../support/customer.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';

const SUITE = 'outlook-pane';
const TASK_PANE = { width: 320, height: 900 };
const missing = chromiumMissing();

/** The sum of the red, green and blue of the app's background: 0 for black, 765 for white. */
async function backgroundBrightness(page: Page): Promise<number> {
  const background = await page.evaluate(
    () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
  );
  const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
  return r + g + b;
}

describe.skipIf(missing !== null)(
  `the Outlook task pane in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    const me = () => org.adminUser.email;
    const contexts: BrowserContext[] = [];

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      await createCustomer(org.admin);
      browser = await launchChromium();
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    async function openPane(
      baseUrl: string,
      messages: ReturnType<typeof inboxMessage>[],
      host: { colorScheme?: 'light' | 'dark'; internetHeadersDelayMs?: number } = {},
    ) {
      const { colorScheme = 'light', internetHeadersDelayMs } = host;
      const context = await browser.newContext({ viewport: TASK_PANE, colorScheme });
      contexts.push(context);
      await serveOfficeJs(context, { userAddress: me(), messages, selected: 0, internetHeadersDelayMs });
      const page = await context.newPage();
      await signInAt(page, `${baseUrl}/outlook/`, me());
      return page;
    }

    const priya = () => inboxMessage(me());
    const dana = () =>
      inboxMessage(me(), {
        subject: 'Introduction: lab equipment leasing',
        from: { emailAddress: 'dana.whitfield@contoso-labs.example', displayName: 'Dana Whitfield' },
      });
    let page: Page;
    let filed: ReturnType<typeof inboxMessage>;

    it('when a demo contact’s message is opened, then the pane signs in and shows their record', async ({
      baseUrl,
    }) => {
      filed = priya();
      page = await openPane(baseUrl, [filed, dana()]);
      await expect.poll(() => page.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      expect(await page.getByText('Fleet renewal 2027').isVisible()).toBe(true);
      expect(await page.getByText('This email is not filed yet.').isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '1-sender-record');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('when a signed-in user opens the pane again, then who the sender is is asked first, and once', async () => {
      const asked: string[] = [];
      const record = (request: { url(): string; method(): string }) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/api/')) asked.push(`${request.method()} ${path}`);
      };
      page.on('request', record);
      await page.reload();
      await expect.poll(() => page.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      // The bell and the user's refresh come after the sender view is shown.
      await expect.poll(() => asked.includes('GET /api/v1/auth/me')).toBe(true);
      page.off('request', record);
      expect(asked[0]).toBe('POST /api/v1/lookup');
      expect(asked.filter((call) => call === 'POST /api/v1/lookup')).toHaveLength(1);
    });

    it('when the app is slow to arrive, then the sender’s record is painted before it and the app takes its place', async () => {
      let release = () => undefined as void;
      const arrived = new Promise<void>((resolve) => (release = resolve));
      const appModule = /\/outlook\/assets\/app-root-[^/]+\.js$/;
      await page.route(appModule, async (route) => {
        await arrived;
        await route.continue();
      });
      try {
        await page.reload();
        const record = page.getByLabel('Contact Priya Raman');
        await expect.poll(() => record.isVisible()).toBe(true);
        expect(await page.getByText('This email is not filed yet.').isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'File email' }).isDisabled()).toBe(true);
        expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
        expect(await overflowsHorizontally(page)).toBe(false);
        await saveScreenshot(page, SUITE, '1-first-view');
        expect(await seriousAxeViolations(page)).toEqual([]);

        release();
        await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
        expect(await record.count()).toBe(1);
        expect(await page.getByRole('button', { name: 'File email' }).isEnabled()).toBe(true);
        expect(await page.getByText('Fleet renewal 2027').isVisible()).toBe(true);
      } finally {
        release();
        await page.unroute(appModule);
      }
    });

    it('when the app cannot be fetched, then the pane says so rather than keep a record whose buttons never work', async () => {
      const appModule = /\/outlook\/assets\/app-root-[^/]+\.js$/;
      await page.route(appModule, (route) => route.abort());
      try {
        await page.reload();
        await expect
          .poll(() =>
            page.getByText('Inbox CRM could not load. Close the pane and open it again.').isVisible(),
          )
          .toBe(true);
        expect(await page.getByLabel('Contact Priya Raman').count()).toBe(0);
      } finally {
        await page.unroute(appModule);
      }
      await page.reload();
      await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    });

    it('when File email and then File to 2 records are clicked, then the pane shows the email filed', async () => {
      await page.getByRole('button', { name: 'File email' }).click();
      await saveScreenshot(page, SUITE, '2-file-picker');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'File to 2 records' }).click();
      await expect.poll(() => page.getByText('Filed', { exact: true }).isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '3-filed');

      const stored = await org.admin.get(
        `/api/v1/emails/by-message-id/${encodeURIComponent(filed.internetMessageId!)}`,
      );
      expect(stored.status).toBe(200);
      expect(stored.body.links.map((link: { name: string }) => link.name).sort()).toEqual([
        'Northwind Traders',
        'Priya Raman',
      ]);
    });

    it('when the host is slow to read a reply’s thread headers, then the sender’s record is painted before they come, and the thread’s filing with them', async ({
      baseUrl,
    }) => {
      const reply = inboxMessage(me(), {
        internetHeaders: `In-Reply-To: ${filed.internetMessageId!}\r\nReferences: ${filed.internetMessageId!}\r\n`,
      });
      const answerHeaders = (pane: Page) =>
        pane.evaluate(() =>
          (window as unknown as { fakeOutlook: FakeOutlookControl }).fakeOutlook.answerInternetHeaders(),
        );
      // Far longer than the test waits: the headers come only when it answers them.
      const slow = await openPane(baseUrl, [reply], { internetHeadersDelayMs: 600_000 });
      await expect.poll(() => slow.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
      await answerHeaders(slow);
      await expect
        .poll(() => slow.getByRole('button', { name: 'File with the thread' }).isVisible())
        .toBe(true);

      // Signed in, the pane opens again as it does each time the user opens it on a message.
      await slow.reload();
      await expect.poll(() => slow.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      expect(await slow.getByText('This email is not filed yet.').isVisible()).toBe(true);
      expect(await slow.getByRole('button', { name: 'File with the thread' }).count()).toBe(0);
      await saveScreenshot(slow, SUITE, '3-record-before-thread-headers');
      await answerHeaders(slow);
      await expect
        .poll(() => slow.getByRole('button', { name: 'File with the thread' }).isVisible())
        .toBe(true);
      expect(await slow.getByLabel('Contact Priya Raman').count()).toBe(1);
      expect(await overflowsHorizontally(slow)).toBe(false);
      await saveScreenshot(slow, SUITE, '3-thread-after-slow-headers');
    });

    it('when words from the filed email are searched in the pane, then it is found within the contact, marked, and not within an empty scope', async () => {
      const box = page.getByRole('searchbox', { name: 'Words to search for' });
      await box.fill('revised quot');
      const found = page.getByRole('list', { name: 'Correspondence found' });
      await expect.poll(() => found.locator(':scope > li').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getByLabel('Where to search').inputValue()).toBe('contact');
      expect((await found.locator('mark').allTextContents()).map((text) => text.toLowerCase())).toEqual(
        expect.arrayContaining(['revised', 'quote']),
      );
      await found.scrollIntoViewIfNeeded();
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '3-search-correspondence');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await box.fill('xylophone');
      await expect.poll(() => page.getByText(/^No correspondence matches/).isVisible()).toBe(true);
      await box.fill('');
    });

    it('when Move stage is opened, then its form and choices stay inside the 320 px pane', async () => {
      await page.getByRole('button', { name: 'Move stage' }).click();
      const form = page.getByRole('form', { name: 'Move an opportunity' });
      await expect.poll(() => form.isVisible()).toBe(true);
      const inside = await form.boundingBox();
      for (const select of await form.getByRole('combobox').all()) {
        const box = (await select.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(inside!.x + inside!.width);
      }
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '3-move-stage');
      await form.getByRole('button', { name: 'Cancel' }).click();
    });

    it('when the user moves to a message from an unknown sender, then the pane offers to create the contact and creates it', async () => {
      await page.evaluate(() =>
        (window as unknown as { fakeOutlook: { select(index: number): void } }).fakeOutlook.select(1),
      );
      await expect.poll(() => page.getByRole('button', { name: 'Create contact' }).isVisible()).toBe(true);
      expect(await page.getByLabel('Contact Priya Raman').count()).toBe(0);
      await page.getByRole('button', { name: 'Create contact' }).click();
      await saveScreenshot(page, SUITE, '4-create-contact');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Job title').fill('Procurement Lead');
      await page.getByRole('button', { name: 'Save contact' }).click();
      await expect.poll(() => page.getByLabel('Contact Dana Whitfield').isVisible()).toBe(true);
      expect(await page.getByLabel('Account Contoso Labs').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '5-contact-created');
    });

    it('when the host is dark, then the pane is dark and still readable', async ({ baseUrl }) => {
      const dark = await openPane(baseUrl, [priya()], { colorScheme: 'dark' });
      await expect.poll(() => dark.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      const background = await dark.evaluate(
        () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
      );
      const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
      expect(r + g + b).toBeLessThan(3 * 80);
      await saveScreenshot(dark, SUITE, '6-dark');
      expect(await seriousAxeViolations(dark)).toEqual([]);
    });

    it('when the user switches Outlook to its dark theme, then the open pane follows at once', async ({
      baseUrl,
    }) => {
      const light = await openPane(baseUrl, [priya()]);
      await expect.poll(() => light.getByLabel('Contact Priya Raman').isVisible()).toBe(true);
      expect(await backgroundBrightness(light)).toBeGreaterThan(3 * 200);
      await light.evaluate(() =>
        (window as unknown as { fakeOutlook: { setTheme(color: string): void } }).fakeOutlook.setTheme(
          '#292929',
        ),
      );
      await expect.poll(() => backgroundBrightness(light)).toBeLessThan(3 * 80);
    });

    it('when the same app is opened in a wide browser window, then nothing breaks out of the layout', async () => {
      await page.setViewportSize({ width: 1400, height: 900 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '7-wide');
    });
  },
);

/**
 * Where the browser broke the lines of `text` as the innermost element holding it shows it: the
 * offset in `text` of the last character of each line but the last.
 */
async function lineBreaksIn(page: Page, text: string): Promise<number[]> {
  return page.evaluate((wanted) => {
    const holders = [...document.body.querySelectorAll('*')].filter((element) =>
      element.textContent?.includes(wanted),
    );
    const holder = holders[holders.length - 1];
    if (!holder) throw new Error(`Nothing reads ${wanted}`);
    const tops: number[] = [];
    const texts = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      for (let index = 0; index < node.textContent!.length; index += 1) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        tops.push(range.getBoundingClientRect().top);
      }
    }
    const from = holder.textContent!.indexOf(wanted);
    const breaks: number[] = [];
    for (let at = from; at < from + wanted.length - 1; at += 1) {
      if (tops[at + 1]! > tops[at]! + 2) breaks.push(at - from);
    }
    return breaks;
  }, text);
}

/** Whether the placeholder of the search box labelled `label` is wider than the box shows. */
async function placeholderCut(page: Page, label: string): Promise<boolean> {
  return page.getByRole('searchbox', { name: label }).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width > room;
  });
}

describe.skipIf(missing !== null)(
  `the Outlook task pane’s rough edges at 320 px${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    const SHOTS = 'outlook-pane-rough-edges';
    const DAY = 24 * 3600 * 1000;
    const longAddress = 'maximilian.oyelaran-whitcombe@harbourline-logistics.example';
    let org: TestOrganisation;
    let browser: Browser;
    let page: Page;
    let dana: { body: { id: string } };
    const me = () => org.adminUser.email;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      await createCustomer(org.admin);
      const account = await org.admin.post('/api/v1/accounts', {
        name: 'Harbourline Logistics International',
        domains: ['harbourline-logistics.example'],
      });
      const contact = await org.admin.post('/api/v1/contacts', {
        firstName: 'Maximilian',
        lastName: 'Oyelaran-Whitcombe',
        emails: [longAddress],
        accountId: account.body.id,
      });
      await org.admin.post('/api/v1/opportunities', {
        name: 'Cold-chain fleet expansion and maintenance contract 2027',
        accountId: account.body.id,
        contactId: contact.body.id,
        amountMinor: 12_500_000,
        currency: 'EUR',
      });
      await org.admin.post('/api/v1/tasks', {
        title: 'Send the signed master services agreement',
        dueAt: new Date(Date.now() - 3 * DAY).toISOString(),
        contactId: contact.body.id,
      });
      // Someone the CRM knows by another address, to link an unknown sender to.
      dana = await org.admin.post('/api/v1/contacts', {
        firstName: 'Dana',
        lastName: 'Whitfield',
        emails: ['dana.w@home-mail.example'],
      });
      browser = await launchChromium();
    });
    it.afterAll(async () => {
      await browser?.close();
    });

    const sent = () =>
      inboxMessage(me(), {
        from: { emailAddress: me(), displayName: 'Me' },
        to: [
          { emailAddress: longAddress, displayName: 'Maximilian Oyelaran-Whitcombe' },
          {
            emailAddress: 'bartholomew.featherstonehaugh@fabrikam-research-partners.example',
            displayName: 'Bartholomew Featherstonehaugh-Montgomery',
          },
          { emailAddress: 'priya.raman@northwind.example', displayName: 'Priya Raman' },
        ],
      });
    const fromMaximilian = () =>
      inboxMessage(me(), {
        subject: 'Cold-chain contract: the signed agreement',
        from: { emailAddress: longAddress, displayName: 'Maximilian Oyelaran-Whitcombe' },
      });
    const fromDana = () =>
      inboxMessage(me(), {
        subject: 'Introduction: lab equipment leasing',
        from: { emailAddress: 'dana.whitfield@contoso-labs.example', displayName: 'Dana Whitfield' },
      });

    it('when a sent message names three people, then the picker’s arrow and every choice stay inside the pane', async ({
      baseUrl,
    }) => {
      const context = await browser.newContext({ viewport: TASK_PANE });
      await serveOfficeJs(context, {
        userAddress: me(),
        messages: [sent(), fromMaximilian(), fromDana()],
        selected: 0,
      });
      page = await context.newPage();
      await signInAt(page, `${baseUrl}/outlook/`, me());

      const picker = page.getByRole('combobox', { name: '3 people on this message' });
      // Signing in and the first lookup: seconds on a busy machine.
      await expect.poll(() => picker.isVisible(), { timeout: 15_000 }).toBe(true);
      const field = (await picker.boundingBox())!;
      const arrow = (await page.locator('.fui-Dropdown__expandIcon').boundingBox())!;
      expect(field.x + field.width).toBeLessThanOrEqual(TASK_PANE.width);
      expect(arrow.x + arrow.width).toBeLessThanOrEqual(field.x + field.width);
      expect(await overflowsHorizontally(page)).toBe(false);

      await picker.click();
      const options = page.getByRole('listbox').getByRole('option');
      await expect.poll(() => options.count()).toBe(3);
      for (const option of await options.all()) {
        const box = (await option.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(TASK_PANE.width);
      }
      await saveScreenshot(page, SHOTS, '1-recipients-picker');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page
        .getByRole('listbox')
        .getByRole('option', { name: /Maximilian/ })
        .click();
      await expect
        .poll(() => page.getByLabel('Contact Maximilian Oyelaran-Whitcombe').isVisible())
        .toBe(true);
    });

    it('when Move stage is opened on a long deal name, then the choices stay inside their card', async () => {
      await page.getByRole('button', { name: 'Move stage' }).click();
      const form = page.getByRole('form', { name: 'Move an opportunity' });
      await expect.poll(() => form.isVisible()).toBe(true);
      const card = (await form.boundingBox())!;
      for (const select of await form.getByRole('combobox').all()) {
        const box = (await select.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
      }
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SHOTS, '2-move-stage');
      await form.getByRole('button', { name: 'Cancel' }).click();
    });

    it('when the open items hold a task past its due time, then it reads Overdue', async () => {
      await page.evaluate(() =>
        (window as unknown as { fakeOutlook: { select(index: number): void } }).fakeOutlook.select(1),
      );
      // The received message names one person: no picker once it has loaded.
      await expect.poll(() => page.getByRole('combobox', { name: /people on this message/ }).count()).toBe(0);
      const tasks = page.getByRole('region', { name: 'Open tasks' });
      await expect.poll(() => tasks.getByText('Overdue', { exact: true }).isVisible()).toBe(true);
      expect(await tasks.getByText('Send the signed master services agreement').isVisible()).toBe(true);
      await tasks.scrollIntoViewIfNeeded();
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SHOTS, '3-open-items-overdue');
    });

    it('when the file picker lists a long address, then it wraps only at the @, a dot or a hyphen and the search hint fits', async () => {
      await page.getByRole('button', { name: 'File email' }).click();
      const group = page.getByRole('group', { name: 'File this email' });
      await expect.poll(() => group.isVisible()).toBe(true);
      const breaks = await lineBreaksIn(page, longAddress);
      expect(breaks.length).toBeGreaterThan(0);
      for (const at of breaks) {
        const sensible = ['@', '-'].includes(longAddress[at]!) || longAddress[at + 1] === '.';
        expect(sensible, `${longAddress.slice(0, at + 1)} / ${longAddress.slice(at + 1)}`).toBe(true);
      }
      expect(await placeholderCut(page, 'Search all records')).toBe(false);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SHOTS, '4-file-picker');
      await group.getByRole('button', { name: 'Cancel' }).click();
    });

    it('when the user has a task past due, then the bell counts it and lists it with a way to Tasks', async () => {
      const bell = page.getByRole('button', { name: /^Notifications, 1 overdue task$/ });
      await expect.poll(() => bell.isVisible()).toBe(true);
      await bell.click();
      const entry = page.getByRole('listitem', { name: '1 overdue task' });
      await expect.poll(() => entry.isVisible()).toBe(true);
      const panel = (await page.getByRole('region', { name: 'Notifications' }).boundingBox())!;
      expect(panel.x).toBeGreaterThanOrEqual(0);
      expect(panel.x + panel.width).toBeLessThanOrEqual(TASK_PANE.width);
      expect(await entry.getByRole('link', { name: 'Open my tasks' }).getAttribute('href')).toBe(
        '/app/tasks',
      );
      expect(await page.getByText(/^Nothing yet/).count()).toBe(0);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SHOTS, '5-bell-overdue');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await bell.click();
    });

    it('when an unknown sender is linked to an existing contact, then a stale contact is refused by name and the address is added after a reload', async () => {
      await page.evaluate(() =>
        (window as unknown as { fakeOutlook: { select(index: number): void } }).fakeOutlook.select(2),
      );
      const link = page.getByRole('button', { name: 'Link to an existing contact or account' });
      await expect.poll(() => link.isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: 'Dana Whitfield' }).isVisible()).toBe(true);
      expect(await page.getByText('dana.whitfield@contoso-labs.example', { exact: true }).isVisible()).toBe(
        true,
      );
      await saveScreenshot(page, SHOTS, '6-unknown-sender');
      await link.click();
      const form = page.getByRole('region', { name: 'Link to an existing contact or account' });
      await form.getByRole('searchbox', { name: 'Find a contact or account' }).fill('Whitfield');
      const hit = form.getByRole('button', { name: /Dana Whitfield/ });
      await expect.poll(() => hit.isVisible()).toBe(true);
      expect(await placeholderCut(page, 'Find a contact or account')).toBe(false);
      await saveScreenshot(page, SHOTS, '7-link-search');
      await hit.click();
      const add = form.getByRole('button', { name: 'Add the address to Dana Whitfield' });
      await expect.poll(() => add.isVisible()).toBe(true);

      // Someone else saves Dana meanwhile: the pane's version is stale.
      const current = await org.admin.get(`/api/v1/contacts/${dana.body.id}`);
      await org.admin.patch(`/api/v1/contacts/${dana.body.id}`, {
        version: current.body.version,
        title: 'Lab Manager',
      });
      await add.click();
      const refusal = form.getByRole('alert');
      await expect.poll(() => refusal.textContent()).toMatch(/Dana Whitfield was changed by Ada Admin/);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SHOTS, '8-link-stale');
      await refusal.getByRole('button', { name: 'Load the latest' }).click();
      await expect.poll(() => add.isEnabled()).toBe(true);
      await add.click();

      await expect.poll(() => page.getByLabel('Contact Dana Whitfield').isVisible()).toBe(true);
      const stored = await org.admin.get(`/api/v1/contacts/${dana.body.id}`);
      expect(stored.body.emails).toEqual(['dana.w@home-mail.example', 'dana.whitfield@contoso-labs.example']);
      expect(stored.body.title).toBe('Lab Manager');
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SHOTS, '9-linked');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('when the same pane is as wide as a desktop window, then nothing breaks out of the layout', async () => {
      await page.evaluate(() =>
        (window as unknown as { fakeOutlook: { select(index: number): void } }).fakeOutlook.select(0),
      );
      await page.setViewportSize({ width: 1440, height: 900 });
      const picker = page.getByRole('combobox', { name: '3 people on this message' });
      await expect.poll(() => picker.isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SHOTS, '10-wide');
    });
  },
);
