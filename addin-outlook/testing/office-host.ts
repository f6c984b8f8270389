import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { installFakeOffice, type FakeOfficeSetup } from '../src/office/fake-office.js';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const officeDist = dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/dist/office.js'));

/**
 * Answers the pages' requests to Microsoft's Office.js CDN from the copy in @microsoft/office-js,
 * and puts a fake Outlook host (installFakeOffice) behind office.js, as Outlook would be behind it.
 * The host is steered from the test through `window.fakeOutlook`.
 */
export async function serveOfficeJs(context: BrowserContext, setup: FakeOfficeSetup): Promise<void> {
  const host = `\n;(${installFakeOffice.toString()})(${JSON.stringify(setup)});\n`;
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    const file = normalize(new URL(route.request().url()).pathname.slice('/lib/1/hosted/'.length));
    if (file.startsWith('..')) return route.fulfill({ status: 404 });
    const body = await readFile(join(officeDist, file), 'utf8').catch(() => null);
    if (body === null) return route.fulfill({ status: 404 });
    return route.fulfill({
      contentType: 'application/javascript',
      body: file === 'office.js' ? body + host : body,
    });
  });
}
