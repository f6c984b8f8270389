import { startTestApp, type TestApp } from './test-app.js';

export interface ListeningApp extends TestApp {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
}

/** The whole server listening on an ephemeral loopback port, for clients that speak real HTTP. */
export async function startListeningApp(): Promise<ListeningApp> {
  const testApp = await startTestApp();
  const url = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...testApp, url };
}
