import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { outlookAppDir } from '@inbox-crm/addin-outlook/location';
import { DomainError } from '../errors.js';
import { CONSOLE_POLICY, OFFICE_JS_URL, PANE_POLICY } from './outlook-app-policies.js';
import { pageSecurityHeaders } from './security-headers.js';

// Pages, not API: left out of the OpenAPI document, and each under its own policy.
const PANE_ROUTE = { schema: { hide: true }, helmet: pageSecurityHeaders(PANE_POLICY) };
const CONSOLE_ROUTE = { schema: { hide: true }, helmet: pageSecurityHeaders(CONSOLE_POLICY) };
const REDIRECT_ROUTE = { schema: { hide: true } };

// The manifest's function file: Outlook loads it for ribbon commands; the add-in has none beyond
// opening the pane, so it only starts Office.js.
const COMMANDS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox CRM</title><script src="${OFFICE_JS_URL}"></script></head><body></body></html>`;

/**
 * The pane's page: the app's with Office.js. Office.js is ready only after DOMContentLoaded, which a
 * deferred module would hold back until it is fetched and run; as `async` the first module runs as
 * soon as it is in, and Office.js gets ready beside it (the module waits for Office.onReady).
 */
function paneDocument(indexHtml: string): string {
  return indexHtml
    .replace('<script type="module" ', '<script type="module" async ')
    .replace('</head>', `<script src="${OFFICE_JS_URL}"></script></head>`);
}

class AppNotBuilt extends DomainError {
  constructor() {
    super('app_not_built', 'The Outlook app is not built on this server: run `pnpm build` first.');
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
  const paneHtml = indexHtml === null ? null : paneDocument(indexHtml);

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

  const page = (html: string | null) => async (_: unknown, reply: FastifyReply) => {
    if (html === null) throw new AppNotBuilt();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  };
  const panePage = page(paneHtml);
  const consolePage = page(indexHtml);

  app.get('/', REDIRECT_ROUTE, (_, reply) => reply.redirect('/app/'));
  app.get('/outlook', REDIRECT_ROUTE, (_, reply) => reply.redirect('/outlook/'));
  app.get('/outlook/', PANE_ROUTE, panePage);
  app.get('/outlook/index.html', PANE_ROUTE, panePage);
  app.get('/outlook/commands.html', PANE_ROUTE, page(COMMANDS_PAGE));
  app.get('/app', REDIRECT_ROUTE, (_, reply) => reply.redirect('/app/'));
  app.get('/app/', CONSOLE_ROUTE, consolePage);
  app.get('/app/*', CONSOLE_ROUTE, consolePage);
}
