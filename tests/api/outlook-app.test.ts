import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, openPglite } from '@inbox-crm/server';
import { outlookAppDir } from '@inbox-crm/addin-outlook/location';
import { describe, expect, it } from '../support/suite.js';

const OFFICE_JS = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';

describe('the Outlook app served by the server', () => {
  it('when Outlook opens /outlook/, then the page loads Office.js from Microsoft’s CDN and is never cached stale', async ({
    testApp,
  }) => {
    const reply = await testApp.app.inject('/outlook/');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.body).toContain(OFFICE_JS);
    expect(reply.body).toContain('<div id="root">');
  });

  it('when Outlook opens /outlook/, then the first module is async, so that Office.js is not held back by it; the console’s stays deferred', async ({
    testApp,
  }) => {
    const pane = await testApp.app.inject('/outlook/');
    expect(pane.body).toMatch(
      /<script type="module" async crossorigin src="\/outlook\/assets\/index-[\w-]+\.js">/,
    );
    const console = await testApp.app.inject('/app/');
    expect(console.body).toMatch(
      /<script type="module" crossorigin src="\/outlook\/assets\/index-[\w-]+\.js">/,
    );
  });

  it('when a console deep link is opened, then the same page answers without Office.js and under a strict policy', async ({
    testApp,
  }) => {
    const reply = await testApp.app.inject('/app/contacts/0190f0a0-0000-7000-8000-000000000001');
    expect(reply.statusCode).toBe(200);
    expect(reply.body).not.toContain('office.js');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('when an asset is fetched, then it is cached for good and sent compressed, and an unknown one is a JSON 404', async ({
    testApp,
  }) => {
    const [asset] = (await readdir(join(outlookAppDir, 'assets'))).filter((name) =>
      /^index-.*\.js$/.test(name),
    );
    const reply = await testApp.app.inject(`/outlook/assets/${asset}`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toContain('immutable');
    const compressed = await testApp.app.inject({
      url: `/outlook/assets/${asset}`,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(reply.rawPayload.length / 2);
    const missing = await testApp.app.inject('/outlook/assets/nothing-here.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
  });

  it('when the root or a bare surface is opened, then it redirects to the console or the pane', async ({
    testApp,
  }) => {
    expect((await testApp.app.inject('/')).headers.location).toBe('/app/');
    expect((await testApp.app.inject('/app')).headers.location).toBe('/app/');
    expect((await testApp.app.inject('/outlook')).headers.location).toBe('/outlook/');
  });
});

describe('a server whose Outlook app was not built', () => {
  it('when a page is asked for, then it answers 503 with what to do, and the API still works', async () => {
    const database = await openPglite(':memory:');
    const app = await buildApp({
      database,
      jwtSecret: 'x'.repeat(32),
      publicUrl: 'http://localhost:3000',
      outlookApp: { appDir: await mkdtemp(join(tmpdir(), 'no-app-')) },
    });
    try {
      const reply = await app.inject('/app/');
      expect(reply.statusCode).toBe(503);
      expect(reply.json()).toEqual({
        error: 'app_not_built',
        message: 'The Outlook app is not built on this server: run `pnpm build` first.',
      });
      expect((await app.inject('/api/v1/health')).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
