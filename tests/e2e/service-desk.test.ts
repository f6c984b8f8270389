import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveOfficeJs } from '@inbox-crm/addin-outlook/testing';
import { dovecotMissing, startDovecot, type Dovecot } from '@inbox-crm/server/testing';
import { inboxMessage } from '../support/customer.js';
import { uniqueMessageId } from '../support/fixtures.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { rawMessage, startReaders } from '../support/service-desk.js';
import { describe, expect, it, test } from '../support/suite.js';
import { chromiumMissing } from './support/chromium.js';
import { overflowsHorizontally, saveScreenshot, seriousAxeViolations } from './support/page-checks.js';
import { signInAt } from './support/sign-in.js';

// Mailbox readers take every enabled mailbox in their database: a database of this file's own.
test.override('appOptions', { isolated: true });

const SUITE = 'service-desk';
const missing = chromiumMissing() ?? dovecotMissing();
const support = { user: 'help@ourco.example', password: 'imap-secret-1' };

describe.skipIf(missing !== null)(
  `the service desk page in Chromium${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let org: TestOrganisation;
    let browser: Browser;
    let page: Page;
    let dovecot: Dovecot;
    let stopReaders: () => Promise<void>;

    it.beforeAll(async ({ testApp }) => {
      org = await createTestOrganisation(testApp);
      await org.admin.post('/api/v1/teams', { name: 'Customer care' });
      dovecot = await startDovecot([support]);
      const readers = startReaders(testApp);
      stopReaders = () => readers.stop();
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    });
    it.afterAll(async () => {
      await stopReaders?.();
      await browser?.close();
      await dovecot?.close();
    });

    it('when an admin connects a support mailbox, then it reads as connected and a customer’s mail becomes a case', async ({
      baseUrl,
    }) => {
      await signInAt(page, `${baseUrl}/app/service-desk`, org.adminUser.email);
      await expect
        .poll(() => page.getByText('No support mailbox yet', { exact: false }).isVisible(), {
          timeout: 15_000,
        })
        .toBe(true);
      await page.getByRole('button', { name: 'Connect a mailbox' }).click();
      const form = page.getByRole('form', { name: 'New support mailbox' });
      await form.getByLabel(/^Support address\*?$/).fill(support.user);
      await form.getByLabel(/^IMAP server\*?$/).fill(dovecot.host);
      await form.getByLabel(/^Security\*?$/).selectOption({ label: 'None (trusted network only)' });
      await form.getByLabel(/^Port\*?$/).fill(String(dovecot.port));
      await form.getByLabel(/^Password\*?$/).fill(support.password);
      await form.getByLabel(/^Team\*?$/).selectOption({ label: 'Customer care' });
      await saveScreenshot(page, SUITE, '1-connect');
      await form.getByRole('button', { name: 'Connect' }).click();

      const mailboxes = page.getByRole('list', { name: 'Support mailboxes' });
      await expect.poll(() => mailboxes.getByText(`Support · ${support.user}`).isVisible()).toBe(true);
      expect(await mailboxes.getByText('cases go to Customer care', { exact: false }).isVisible()).toBe(true);
      await expect
        .poll(
          async () => {
            await page.getByRole('button', { name: 'Check again' }).click();
            return mailboxes.getByRole('status').innerText();
          },
          { timeout: 15_000, interval: 500 },
        )
        .toMatch(/^Connected · last read /);
      expect(await page.content()).not.toContain(support.password);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, SUITE, '2-connected');

      await dovecot.append(support, rawMessage({ subject: 'Our delivery never arrived' }));
      await dovecot.append(support, ['Subject: Nobody sent this', '', 'No sender.', ''].join('\r\n'));
      await expect
        .poll(async () => (await org.admin.get('/api/v1/cases')).body.items.length, {
          timeout: 15_000,
          interval: 200,
        })
        .toBe(1);
      // An admin finds the mailboxes again from the service queue.
      await page.goto(`${baseUrl}/app/service-queue`);
      await expect.poll(() => page.getByText('Our delivery never arrived').first().isVisible()).toBe(true);
      // The case's number, which its sender quotes as [#1], is on its card.
      expect(await page.getByText('#1 · Acme').isVisible()).toBe(true);
      await saveScreenshot(page, SUITE, '3-service-queue');
      await page.getByRole('link', { name: 'Support mailboxes' }).click();

      await page.getByRole('button', { name: 'Mail it could not read' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('list', { name: 'Mail Support could not read' })
            .getByText('It has no sender address that can be read.', { exact: false })
            .isVisible(),
        )
        .toBe(true);
      await saveScreenshot(page, SUITE, '4-problems');
    });

    it('when the page is phone-wide, then the mailbox and its form fit without spilling sideways', async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.getByRole('button', { name: 'Change' }).click();
      const form = page.getByRole('form', { name: 'Change Support' });
      expect(await form.getByLabel(/^Password\*?$/).inputValue()).toBe('');
      expect(await form.getByText('Leave it empty to keep the saved password.').isVisible()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '5-change-320', { window: true });
      await form.getByRole('button', { name: 'Cancel' }).click();
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '6-narrow');
    });

    it('when an admin writes a routing rule and tries it on a pasted message, then they see it decide, and new mail follows it', async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByRole('button', { name: 'Routing and acknowledgement' }).click();
      const routing = page.getByRole('region', { name: 'Routing of Support' });
      await expect
        .poll(() => routing.getByText('No rules: every new case', { exact: false }).isVisible())
        .toBe(true);
      await routing.getByRole('button', { name: 'Add a rule' }).click();
      const form = routing.getByRole('form', { name: 'New routing rule' });
      await form.getByLabel(/^Rule name\*?$/).fill('Invoices');
      await form.getByRole('button', { name: 'Add a condition' }).click();
      const condition = form.getByRole('group', { name: 'Condition 1' });
      await condition.getByLabel('Test', { exact: true }).selectOption({ label: 'matches the pattern' });
      await condition.getByLabel('Pattern').fill('invoice\\s+\\d+');
      await form.getByLabel('Priority').selectOption({ label: 'High' });
      await form.getByLabel('Category').fill('Billing');

      const trial = form.getByRole('group', { name: 'Try this rule on a message' });
      await trial
        .getByRole('textbox')
        .fill(rawMessage({ from: 'Jo Buyer <jo@buyer.example>', subject: 'Invoice 2291 is wrong' }));
      await trial.getByRole('button', { name: 'Try it' }).click();
      const verdict = trial.getByRole('status', { name: 'What the rules would do' });
      await expect.poll(() => verdict.innerText()).toContain('“Invoices” decides.');
      const said = await verdict.innerText();
      expect(said).toContain('Subject matches the pattern “invoice\\s+\\d+”: holds');
      expect(said).toContain('with High priority, in Billing');
      await saveScreenshot(page, SUITE, '7-rule-tried');

      await form.getByRole('button', { name: 'Save rule' }).click();
      const rules = routing.getByRole('list', { name: 'Routing rules' });
      await expect.poll(() => rules.getByText('1. Invoices').isVisible()).toBe(true);
      expect(await rules.getByText('Then: priority High · category Billing').isVisible()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, SUITE, '8-rules');

      await dovecot.append(support, rawMessage({ subject: 'Invoice 4410 was charged twice' }));
      await expect
        .poll(
          async () =>
            (await org.admin.get('/api/v1/cases?limit=100')).body.items.find(
              (item: { subject: string }) => item.subject === 'Invoice 4410 was charged twice',
            ),
          { timeout: 15_000, interval: 200 },
        )
        .toMatchObject({ priority: 'high', category: 'Billing' });
    });

    it('when the routing is changed on a phone-wide screen, then the rules and the rule form fit without spilling sideways', async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      const routing = page.getByRole('region', { name: 'Routing of Support' });
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '9-rules-320', { window: true });
      await routing.getByRole('button', { name: 'Change' }).click();
      const form = routing.getByRole('form', { name: 'Change rule Invoices' });
      expect(await form.getByLabel('Pattern').inputValue()).toBe('invoice\\s+\\d+');
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '10-rule-form-320', { window: true });
      await form.getByRole('button', { name: 'Cancel' }).click();
    });

    it('when an agent answers a case from its page, then it is sent from the support address, filed to the case and counted as its first answer', async ({
      baseUrl,
    }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      const cases = (await org.admin.get('/api/v1/cases?limit=100')).body.items as {
        id: string;
        subject: string;
      }[];
      const delivery = cases.find((item) => item.subject === 'Our delivery never arrived')!;
      await page.goto(`${baseUrl}/app/cases/${delivery.id}`);
      const answer = page.getByRole('form', { name: 'Answer the customer' });
      await answer
        .getByLabel('Answer')
        .fill('Hello Jane,\n\nYour parcel left our warehouse this morning.\n\nAda');
      await answer.getByLabel('Then the case').selectOption({ label: 'Pending (waiting on the customer)' });
      await saveScreenshot(page, SUITE, '11-answer');
      await answer.getByRole('button', { name: 'Send answer' }).click();
      await expect
        .poll(() => answer.getByText('Answer sent to jane.doe@acme.example.').isVisible(), {
          timeout: 10_000,
        })
        .toBe(true);
      const timeline = page.getByRole('region', { name: 'Correspondence and activity' });
      await expect
        .poll(() => timeline.getByText('Re: Our delivery never arrived [#1]').first().isVisible(), {
          timeout: 10_000,
        })
        .toBe(true);
      expect(await page.getByText('First answered').isVisible()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, SUITE, '12-answered');

      await page.setViewportSize({ width: 320, height: 800 });
      await page.getByRole('tab', { name: 'Internal note' }).click();
      const note = page.getByRole('form', { name: 'Internal note' });
      await note.getByLabel('Note').fill('Checked with the warehouse: tracking 55-1.');
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '13-note-320', { window: true });
      await note.getByRole('button', { name: 'Add note' }).click();
      await expect
        .poll(() => note.getByText('Note added to the case.').isVisible(), { timeout: 10_000 })
        .toBe(true);
    });

    it('when an admin sets a service level, then cases show their clocks on the case page and in the queue', async ({
      baseUrl,
    }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${baseUrl}/app/service-desk`);
      const levels = page.getByRole('region', { name: 'Service levels' });
      await expect.poll(() => levels.getByRole('button', { name: 'Add a policy' }).isVisible()).toBe(true);
      await levels.getByRole('button', { name: 'Add a policy' }).click();
      const form = levels.getByRole('form', { name: 'New service level policy' });
      await form.getByLabel(/^Name\*?$/).fill('Standard');
      await form.getByLabel(/^Time zone\*?$/).fill('UTC');
      for (const day of ['Saturday', 'Sunday']) await form.getByLabel(day).fill('00:00–24:00');
      for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
        await form.getByLabel(day).fill('00:00–24:00');
      }
      await form.getByLabel('Normal: first answer in hours').fill('4');
      await form.getByLabel('Normal: resolution in hours').fill('48');
      await form.getByLabel('High: first answer in hours').fill('1');
      await saveScreenshot(page, SUITE, '14-policy-form');
      await form.getByRole('button', { name: 'Save policy' }).click();
      const policies = levels.getByRole('list', { name: 'Service level policies' });
      await expect.poll(() => policies.getByText('Standard · every other account').isVisible()).toBe(true);
      expect(await policies.getByText('Normal: first answer in 4 h, resolved in 2 days').isVisible()).toBe(
        true,
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, SUITE, '15-policies');

      // Billing's invoice case (routed high, never answered) has an hour for its first answer.
      const cases = (await org.admin.get('/api/v1/cases?limit=100')).body.items as {
        id: string;
        subject: string;
      }[];
      const invoice = cases.find((item) => item.subject === 'Invoice 4410 was charged twice')!;
      await page.goto(`${baseUrl}/app/cases/${invoice.id}`);
      const clocks = page.getByRole('group', { name: 'Service level' });
      await expect
        .poll(() => clocks.innerText(), { timeout: 10_000 })
        .toMatch(/First answer due in (59 min|1 h)/);
      // High priority has no resolution target in this policy.
      expect(await clocks.innerText()).not.toContain('Resolution');
      await saveScreenshot(page, SUITE, '16-case-clocks');

      await page.goto(`${baseUrl}/app/service-queue`);
      const card = page.getByRole('listitem').filter({ hasText: 'Invoice 4410 was charged twice' });
      await expect
        .poll(() => card.getByText(/First answer due in/).isVisible(), { timeout: 10_000 })
        .toBe(true);
      await saveScreenshot(page, SUITE, '17-queue-clocks');
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.goto(`${baseUrl}/app/service-desk`);
      await page
        .getByRole('region', { name: 'Service levels' })
        .getByRole('button', { name: 'Change' })
        .click();
      expect(await overflowsHorizontally(page)).toBe(false);
      await saveScreenshot(page, SUITE, '18-policy-320', { window: true });
    });

    it('when the open message in Outlook belongs to a case, then the pane shows the case with its clocks, and it is assigned and moved on there', async ({
      baseUrl,
    }) => {
      const messageId = uniqueMessageId();
      await dovecot.append(
        support,
        rawMessage({ messageId, from: 'Jane Doe <jane.doe@acme.example>', subject: 'Where is my refund?' }),
      );
      let refund: { id: string; number: number } | undefined;
      await expect
        .poll(
          async () => {
            const items = (await org.admin.get('/api/v1/cases?limit=100')).body.items as {
              id: string;
              number: number;
              subject: string;
            }[];
            refund = items.find((item) => item.subject === 'Where is my refund?');
            return refund !== undefined;
          },
          { timeout: 15_000, interval: 200 },
        )
        .toBe(true);
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const message = inboxMessage(org.adminUser.email, {
        internetMessageId: messageId,
        subject: 'Where is my refund?',
        from: { emailAddress: 'jane.doe@acme.example', displayName: 'Jane Doe' },
        attachments: [],
      });
      await serveOfficeJs(context, { userAddress: org.adminUser.email, messages: [message], selected: 0 });
      const pane = await context.newPage();
      await signInAt(pane, `${baseUrl}/outlook/`, org.adminUser.email);
      const card = pane.getByRole('region', { name: `Case #${refund!.number}` });
      await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await card.getByText('Case #' + refund!.number + ': Where is my refund?').isVisible()).toBe(
        true,
      );
      await expect
        .poll(() => card.getByRole('group', { name: 'Service level' }).innerText(), { timeout: 10_000 })
        .toMatch(/First answer due in/);
      await card.getByRole('button', { name: 'Assign to me' }).click();
      await expect
        .poll(async () => (await org.admin.get(`/api/v1/cases/${refund!.id}`)).body.ownerId)
        .toBe(org.adminUser.id);
      await card.getByLabel('Status').selectOption({ label: 'Pending' });
      await expect
        .poll(async () => (await org.admin.get(`/api/v1/cases/${refund!.id}`)).body.status)
        .toBe('pending');
      expect(await overflowsHorizontally(pane)).toBe(false);
      expect(await seriousAxeViolations(pane)).toEqual([]);
      await saveScreenshot(pane, SUITE, '19-pane-case');
      await context.close();
    });
  },
);
