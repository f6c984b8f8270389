import { test as base } from 'vitest';
import { createTestOrganisation } from './organisation.js';
import { startSmtpSink } from './smtp-sink.js';
import { startIsolatedTestApp, startTestApp, type TestAppOptions } from './test-app.js';
import { startTestWorker, type TestWorkerOptions } from './test-worker.js';
import { startWebhookSink } from './webhook-sink.js';

export { describe, expect } from 'vitest';

/** How a file's app is started; a file sets it once, at its top: `test.override('appOptions', {…})`. */
export interface SuiteAppOptions extends TestAppOptions {
  /**
   * A database of the file's own (see startIsolatedTestApp). Files that run a worker need one: a
   * worker takes the due jobs of every organisation in its database, by its own clock.
   */
  isolated?: boolean;
}

/** Something started when a test of the file first asks for it, and closed when the file is done. */
function startedOnce<T extends { close(): Promise<void> }>(start: () => Promise<T>) {
  // vitest reads a fixture's dependencies from the pattern of its first parameter: these have none.
  // eslint-disable-next-line no-empty-pattern
  return async ({}, { onCleanup }: { onCleanup: (cleanup: () => Promise<void>) => void }) => {
    const started = await start();
    onCleanup(() => started.close());
    return started;
  };
}

/**
 * The system suites' test: `it('…', async ({ org, rep }) => …)` gets what it names, started for it.
 * The app, its worker and the sinks are started once per file; the organisation and its people are
 * new for every test, so each test owns its data.
 */
export const test = base
  .extend('appOptions', { scope: 'file' }, {} as SuiteAppOptions)
  /** The whole server (see startTestApp), answering through app.inject(). */
  .extend('testApp', { scope: 'file' }, async ({ appOptions }, { onCleanup }) => {
    const { isolated, ...options } = appOptions;
    const testApp = isolated ? await startIsolatedTestApp(options) : await startTestApp(undefined, options);
    onCleanup(() => testApp.close());
    return testApp;
  })
  /** The app listening on an ephemeral loopback port, for clients that speak real HTTP: http://127.0.0.1:41234 */
  .extend('baseUrl', { scope: 'file' }, ({ testApp }) => testApp.app.listen({ host: '127.0.0.1', port: 0 }))
  /** A real SMTP server on loopback that keeps what it is sent. */
  .extend('smtp', { scope: 'file' }, startedOnce(startSmtpSink))
  /** A webhook receiver on loopback that records every call. */
  .extend('sink', { scope: 'file' }, startedOnce(startWebhookSink))
  /** How the worker is started, set like appOptions: `test.override('workerOptions', ({ smtp }) => ({ smtpUrl: smtp.url }))`. */
  .extend('workerOptions', { scope: 'file' }, {} as TestWorkerOptions)
  /** The CRM's worker on the app's database and clock, run by the test: scheduler.worker.drain(). */
  .extend('scheduler', { scope: 'file' }, ({ testApp, appOptions, workerOptions }, { onCleanup }) => {
    if (!appOptions.isolated) {
      throw new Error(
        "A worker needs a database of the file's own: test.override('appOptions', { isolated: true })",
      );
    }
    const scheduler = startTestWorker(testApp, workerOptions);
    onCleanup(() => scheduler.close());
    return scheduler;
  })
  /** A fresh organisation of the test's own, its admin signed in. */
  .extend('org', ({ testApp }) => createTestOrganisation(testApp))
  /** The people the workflow suites work with, signed in: a manager and a sales rep (in that order). */
  .extend('manager', ({ org }) => org.addUser('manager', { name: 'Maria Manager' }))
  .extend('rep', ({ org }) => org.addUser('member', { name: 'Ravi Rep' }));

/** The same test, by the name the suites read best with. */
export const it = test;
