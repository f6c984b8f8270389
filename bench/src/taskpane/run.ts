import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { Contact, PageOf, Session } from '@inbox-crm/shared';
import {
  CHROMIUM_PATH,
  launchChromium,
  serveOfficeJs,
  type FakeMessage,
} from '@inbox-crm/addin-outlook/testing';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { countLoadedCode, type LoadedBytes } from './loaded-bytes.js';
import { recordPaintOf } from './page-timing.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PORT = 3911;
const TASK_PANE = { width: 320, height: 900 };
const TARGET_KB = 250;
const TARGET_MS = 400;
const DEMO_ADMIN = { email: 'admin@demo.inboxcrm.test', password: 'demo' };
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// The pane's Cross-Origin-Opener-Policy puts a top-level page in a browsing context group (and a
// renderer process) of its own; a frame, as Outlook on the web hosts the pane, is not moved. Set,
// the harness drops the header from the pane's page, to measure what that move costs here.
const WITHOUT_OPENER_POLICY = process.env.BENCH_WITHOUT_OPENER_POLICY === '1';
// How long the host takes to read the message's internet headers: Outlook on the web asks its
// server for them. None by default, as the stand-in answers at once.
const HEADERS_MS = Number(process.env.BENCH_HEADERS_MS ?? 0);

// The floor under any Outlook add-in page: Office.js loaded and ready, then a line of text painted.
const BASELINE_PAGE = `<!doctype html><html><head><script src="${OFFICE_JS}"></script></head><body><script>
Office.onReady().then(() => { const p = document.createElement('p'); p.setAttribute('aria-label', 'Contact baseline'); p.textContent = 'Hello'; document.body.append(p); });
</script></body></html>`;

async function api<T>(server: ChildServer, path: string, token?: string, body?: unknown): Promise<T> {
  const reply = await fetch(`${server.url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!reply.ok) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as T;
}

interface Run {
  ms: number;
  ours: LoadedBytes;
  officeJs: LoadedBytes;
}

/** One cold load (a new browser profile) of `path`, until a contact's record is painted. */
async function coldLoad(
  browser: Browser,
  server: ChildServer,
  path: string,
  session: Session,
  message: FakeMessage,
): Promise<Run> {
  const context = await browser.newContext({ viewport: TASK_PANE });
  try {
    await serveOfficeJs(context, {
      userAddress: DEMO_ADMIN.email,
      messages: [message],
      selected: 0,
      internetHeadersDelayMs: HEADERS_MS,
    });
    if (WITHOUT_OPENER_POLICY) {
      await context.route(`${server.url}/outlook/`, async (route) => {
        const response = await route.fetch();
        const { 'cross-origin-opener-policy': _, ...headers } = response.headers();
        await route.fulfill({ response, headers });
      });
    }
    await context.route(`${server.url}/bench-baseline`, (route) =>
      route.fulfill({ contentType: 'text/html', body: BASELINE_PAGE }),
    );
    await context.addInitScript(
      (stored) => window.localStorage.setItem('inbox-crm.session', stored),
      JSON.stringify(session),
    );
    const paint = await recordPaintOf(context, '[aria-label^="Contact "]');
    const page = await context.newPage();
    const ours = countLoadedCode(page, (url) => url.startsWith(server.url));
    const officeJs = countLoadedCode(page, (url) => url.startsWith('https://appsforoffice.microsoft.com/'));
    await page.goto(`${server.url}${path}`);
    const ms = await paint.paintedAt();
    // Counting stops at the paint: code that arrives after it did not hold it up.
    const loaded = { ours: ours(), officeJs: officeJs() };
    return { ms, ours: await loaded.ours, officeJs: await loaded.officeJs };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium is not at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'inboxcrm-bench-taskpane-'));
  const server = await startChildServer(
    fileURLToPath(new URL('../../../server/dist/server.js', import.meta.url)),
    PORT,
    {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
  );
  const browser = await launchChromium();
  try {
    const session = await api<Session>(server, '/auth/login', undefined, DEMO_ADMIN);
    const contacts = await api<PageOf<Contact>>(server, '/contacts?limit=1', session.accessToken);
    const contact = contacts.items[0]!;
    const message: FakeMessage = {
      itemId: 'AAMkAG-bench',
      internetMessageId: '<bench-taskpane@mail.example>',
      subject: 'Re: your quote',
      from: { emailAddress: contact.emails[0]!, displayName: contact.name },
      to: [{ emailAddress: DEMO_ADMIN.email, displayName: 'Alex Morgan' }],
      dateTimeCreated: new Date().toISOString(),
    };
    console.log(
      `\nTask pane at ${TASK_PANE.width}×${TASK_PANE.height}, ${RUNS} cold loads each after a warm-up, alternating, on the embedded demo database…`,
    );
    await coldLoad(browser, server, '/bench-baseline', session, message);
    await coldLoad(browser, server, '/outlook/', session, message);
    const baseline: Run[] = [];
    const pane: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      baseline.push(await coldLoad(browser, server, '/bench-baseline', session, message));
      pane.push(await coldLoad(browser, server, '/outlook/', session, message));
    }
    const last = pane[pane.length - 1]!;
    console.log('');
    const paneMs = median(pane.map((r) => r.ms));
    console.log(
      `page load → painted (median)                     baseline ${median(baseline.map((r) => r.ms)).toFixed(0)} ms   pane ${paneMs.toFixed(0)} ms   (target ≤ ${TARGET_MS} ms: ${paneMs <= TARGET_MS ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  baseline: Office.js ready, then one line of text; pane: ${contact.name}'s record from the sender view${WITHOUT_OPENER_POLICY ? ' (its page without Cross-Origin-Opener-Policy)' : ''}${HEADERS_MS ? `; the host reads a message's headers in ${HEADERS_MS} ms` : ''}`,
    );
    console.log(
      `our JS + CSS before first render                 ${kb(last.ours.gzip)} gzip, ${kb(last.ours.transferred)} sent   (target ≤ ${TARGET_KB} KB gzip)`,
    );
    console.log(`  files: ${last.ours.files.join(', ')}`);
    console.log(`Office.js from Microsoft's CDN (not ours, not counted)   ${kb(last.officeJs.gzip)} gzip`);
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
