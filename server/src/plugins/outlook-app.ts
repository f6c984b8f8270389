import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { outlookAppDir } from '@inbox-crm/addin-outlook/location';
import { AppError } from '../errors.js';

/** Microsoft requires add-ins to load Office.js from its CDN, never from a copy of their own. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

// The console shows email bodies (sanitized on the way in); this policy is the second fence:
// no script but ours, no remote images (tracking pixels), no framing of the console elsewhere.
const HIDDEN = { schema: { hide: true } };

const CONSOLE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

// The manifest's function file: Outlook loads it for ribbon commands; the add-in has none beyond
// opening the pane, so it only starts Office.js.
const COMMANDS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox CRM</title><script src="${OFFICE_JS_URL}"></script></head><body></body></html>`;

class AppNotBuilt extends AppError {
  constructor() {
    super(503, 'app_not_built', 'The Outlook app is not built on this server: run `pnpm build` first.');
  }
}

export interface OutlookAppOptions {
  /** The built app's folder; the addin-outlook package's dist by default. */
  appDir?: string;
}

/**
 * The Outlook app: the task pane at /outlook/ (with Office.js) and the console at /app/ (without,
 * and with every deep link answered by the same page). Assets are content-hashed, so cached for good.
 */
export async function outlookAppRoutes(app: FastifyInstance, options: OutlookAppOptions): Promise<void> {
  const appDir = options.appDir ?? outlookAppDir;
  const indexHtml = await readFile(join(appDir, 'index.html'), 'utf8').catch(() => null);
  const paneHtml = indexHtml?.replace('</head>', `<script src="${OFFICE_JS_URL}"></script></head>`) ?? null;

  if (indexHtml !== null) {
    await app.register(fastifyStatic, {
      root: join(appDir, 'assets'),
      prefix: '/outlook/assets/',
      index: false,
      immutable: true,
      preCompressed: true,
      maxAge: '365d',
      decorateReply: false,
    });
  }

  const page =
    (html: string | null, headers: Record<string, string>) => async (_: unknown, reply: FastifyReply) => {
      if (html === null) throw new AppNotBuilt();
      return reply
        .headers({
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'same-origin',
          ...headers,
        })
        .type('text/html; charset=utf-8')
        .send(html);
    };
  const panePage = page(paneHtml, {});

  const consolePage = page(indexHtml, { 'content-security-policy': CONSOLE_POLICY });

  // Pages, not API: left out of the OpenAPI document.
  app.get('/', HIDDEN, (_, reply) => reply.redirect('/app/'));
  app.get('/outlook', HIDDEN, (_, reply) => reply.redirect('/outlook/'));
  app.get('/outlook/', HIDDEN, panePage);
  app.get('/outlook/index.html', HIDDEN, panePage);
  app.get('/outlook/commands.html', HIDDEN, async (_, reply) =>
    reply
      .headers({ 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' })
      .type('text/html; charset=utf-8')
      .send(COMMANDS_PAGE),
  );
  app.get('/app', HIDDEN, (_, reply) => reply.redirect('/app/'));
  app.get('/app/', HIDDEN, consolePage);
  app.get('/app/*', HIDDEN, consolePage);
}
