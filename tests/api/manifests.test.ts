import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://crm.example.test';

/** Every absolute URL in a document, wherever it stands. */
function urlsIn(node: unknown): string[] {
  if (typeof node === 'string') return node.startsWith('https://') ? [node] : [];
  if (Array.isArray(node)) return node.flatMap(urlsIn);
  if (node && typeof node === 'object') return Object.values(node).flatMap(urlsIn);
  return [];
}

describe('what the server serves for deployment', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp(undefined, { publicUrl: PUBLIC_URL });
  });
  afterAll(() => testApp.close());

  it('when an icon is asked for, then it is a PNG of that size; an unknown size is a JSON 404', async () => {
    for (const size of [16, 32, 80, 128]) {
      const reply = await testApp.app.inject(`/manifests/icons/icon-${size}.png`);
      expect(reply.headers['content-type']).toBe('image/png');
      const png = PNG.sync.read(reply.rawPayload);
      expect([png.width, png.height]).toEqual([size, size]);
    }
    const missing = await testApp.app.inject('/manifests/icons/icon-17.png');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('not_found');
  });

  it('when the Gmail deployment is downloaded, then every URL in it is on this server and answers there', async () => {
    const reply = await testApp.app.inject('/manifests/gmail-deployment.json');
    expect(reply.statusCode).toBe(200);
    const urls = urlsIn(reply.json());
    expect(urls.length).toBeGreaterThan(3);
    for (const url of new Set(urls.filter((candidate) => candidate.startsWith(PUBLIC_URL)))) {
      const path = url.slice(PUBLIC_URL.length);
      const method = path.startsWith('/gmail/') ? 'POST' : 'GET';
      const answer = await testApp.app.inject({
        method,
        url: path,
        payload: method === 'POST' ? {} : undefined,
      });
      // Endpoints exist (the add-on refuses callers that are not Google, or says it is not set up).
      expect([200, 401, 503], `${method} ${path}`).toContain(answer.statusCode);
    }
    expect(
      urls
        .filter((url) => !url.startsWith(PUBLIC_URL))
        .every((url) => url.startsWith('https://www.googleapis.com/auth/')),
    ).toBe(true);
  });
});

describe('a server without an https public URL', () => {
  it('when the Gmail deployment is asked for, then it explains what to set instead of a broken descriptor', async () => {
    const testApp = await startTestApp();
    try {
      const reply = await testApp.app.inject('/manifests/gmail-deployment.json');
      expect(reply.statusCode).toBe(422);
      expect(reply.json()).toMatchObject({ error: 'public_url_unusable' });
      expect(reply.json().message).toMatch(/https.*PUBLIC_URL/);
    } finally {
      await testApp.close();
    }
  });
});
