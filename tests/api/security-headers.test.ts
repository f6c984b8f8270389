import { describe, expect, it } from '../support/suite.js';
import { startTestApp } from '../support/test-app.js';

const OUTLOOK_HOSTS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://*.cloud.microsoft',
];

/** A Content-Security-Policy header as directive name -> its sources. */
function directives(header: string | string[] | number | undefined): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('security headers', () => {
  it('when the API answers, with data or an error, then the reply runs nothing, frames nowhere and sniffs nothing', async ({
    testApp,
  }) => {
    for (const url of ['/api/v1/health', '/api/v1/contacts', '/api/v1/no-such-thing']) {
      const reply = await testApp.app.inject(url);
      expect(reply.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['referrer-policy']).toBe('same-origin');
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(reply.headers['x-powered-by']).toBeUndefined();
      // The test server's public URL is http://localhost: no HSTS there (see the https case below).
      expect(reply.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('when /docs is opened, then its viewer may load only its own scripts, styles and the document', async ({
    testApp,
  }) => {
    for (const url of ['/docs/', '/docs/static/swagger-ui-bundle.js', '/docs/json']) {
      const reply = await testApp.app.inject(url);
      expect(reply.statusCode).toBe(200);
      const policy = directives(reply.headers['content-security-policy']);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')?.[0]).toBe("'self'");
      expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
      expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:3000']);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('when Outlook opens the pane or its function file, then only Outlook’s hosts may frame it and Office.js may load', async ({
    testApp,
  }) => {
    for (const url of ['/outlook/', '/outlook/index.html', '/outlook/commands.html']) {
      const reply = await testApp.app.inject(url);
      expect(reply.statusCode).toBe(200);
      const policy = directives(reply.headers['content-security-policy']);
      expect(policy.get('frame-ancestors')).toEqual(OUTLOOK_HOSTS);
      expect(policy.get('frame-ancestors')).not.toContain('*');
      expect(policy.get('frame-ancestors')).not.toContain("'self'");
      expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
      expect(reply.headers['x-frame-options']).toBeUndefined();
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('when the console is opened, then it may be framed only by itself and shows https images only through its email frame', async ({
    testApp,
  }) => {
    const reply = await testApp.app.inject('/app/emails/0190f0a0-0000-7000-8000-000000000001');
    const policy = directives(reply.headers['content-security-policy']);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('when Outlook on the web shows the add-in’s icon, then the icon may be loaded from Microsoft’s origin', async ({
    testApp,
  }) => {
    const reply = await testApp.app.inject('/manifests/icons/icon-32.png');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('security headers of an https deployment', () => {
  it('when the public URL is https, then every reply asks browsers to keep to https for a year', async () => {
    const testApp = await startTestApp(undefined, { publicUrl: 'https://crm.example.com' });
    try {
      for (const url of ['/api/v1/health', '/outlook/', '/docs/']) {
        const reply = await testApp.app.inject(url);
        expect(reply.headers['strict-transport-security']).toBe('max-age=31536000');
      }
    } finally {
      await testApp.close();
    }
  });
});
