import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { createTestOrganisation } from '../support/organisation.js';
import { describe, expect, it, test } from '../support/suite.js';
import { startTestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://crm.example.test';

test.override('appOptions', { publicUrl: PUBLIC_URL });

/** Every absolute URL in a document, wherever it stands. */
function urlsIn(node: unknown): string[] {
  if (typeof node === 'string') return node.startsWith('https://') ? [node] : [];
  if (Array.isArray(node)) return node.flatMap(urlsIn);
  if (node && typeof node === 'object') return Object.values(node).flatMap(urlsIn);
  return [];
}

describe('what the server serves for deployment', () => {
  it('when an icon is asked for, then it is a PNG of that size; an unknown size is a JSON 404', async ({
    testApp,
  }) => {
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

  it('when the Gmail deployment is downloaded, then every URL in it is on this server and answers there', async ({
    testApp,
  }) => {
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

describe('the Outlook manifest served', () => {
  it('when downloaded twice, then it keeps one add-in id for the deployment, and every URL in it answers on this server', async ({
    testApp,
  }) => {
    const first = await testApp.app.inject('/manifests/outlook.xml');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/xml/);
    const id = /<Id>([^<]+)<\/Id>/.exec(first.body)![1];
    expect(/<Id>([^<]+)<\/Id>/.exec((await testApp.app.inject('/manifests/outlook.xml')).body)![1]).toBe(id);
    const urls = [...first.body.matchAll(/https:\/\/[^"<\s]+/g)]
      .map((match) => match[0])
      .filter((url) => url.startsWith(`${PUBLIC_URL}/`));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of new Set(urls)) {
      const reply = await testApp.app.inject(url.slice(PUBLIC_URL.length));
      expect(reply.statusCode, url).toBe(200);
    }
  });

  it('when the unified manifest package is downloaded, then it is a zip with the manifest for this server, whose every URL answers', async ({
    testApp,
  }) => {
    const reply = await testApp.app.inject('/manifests/outlook-app.zip');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/zip');
    const files = unzipSync(reply.rawPayload);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString());
    expect(manifest.validDomains).toEqual(['crm.example.test']);
    const urls = new Set(urlsIn(manifest).filter((url) => url.startsWith(`${PUBLIC_URL}/`)));
    expect(urls.size).toBeGreaterThan(4);
    for (const url of urls) {
      expect((await testApp.app.inject(url.slice(PUBLIC_URL.length))).statusCode, url).toBe(200);
    }
  });

  it('when the function file is loaded, then it only starts Office.js', async ({ testApp }) => {
    const reply = await testApp.app.inject('/outlook/commands.html');
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });

  it('when the deployment sets its own add-in id, then the manifest carries it', async () => {
    const own = await startTestApp(undefined, {
      publicUrl: PUBLIC_URL,
      outlookAddInId: '6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e',
    });
    try {
      expect((await own.app.inject('/manifests/outlook.xml')).body).toContain(
        '<Id>6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e</Id>',
      );
    } finally {
      await own.close();
    }
  });
});

describe('the deployment facts for admins', () => {
  it('when an admin asks, then they get the downloads and the add-in id; a member is refused', async ({
    testApp,
    org,
  }) => {
    const reply = await org.admin.get('/api/v1/deployment');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      publicUrl: PUBLIC_URL,
      publicUrlProblem: null,
      gmail: { configured: false, serviceAccount: null },
      downloads: { outlookXml: '/manifests/outlook.xml' },
    });
    const xml = (await testApp.app.inject('/manifests/outlook.xml')).body;
    expect(xml).toContain(`<Id>${reply.body.outlookAddInId}</Id>`);
    const { client: member } = await org.addUser('member');
    expect((await member.get('/api/v1/deployment')).status).toBe(403);
  });
});

describe('a server without an https public URL', () => {
  it('when a manifest is asked for, then it explains what to set instead of a broken one', async () => {
    const testApp = await startTestApp();
    try {
      const reply = await testApp.app.inject('/manifests/gmail-deployment.json');
      expect(reply.statusCode).toBe(422);
      expect(reply.json()).toMatchObject({ error: 'public_url_unusable' });
      expect(reply.json().message).toMatch(/https.*PUBLIC_URL/);
      expect((await testApp.app.inject('/manifests/outlook.xml')).statusCode).toBe(422);
      const org = await createTestOrganisation(testApp);
      expect((await org.admin.get('/api/v1/deployment')).body.publicUrlProblem).toMatch(/https/);
    } finally {
      await testApp.close();
    }
  });
});
