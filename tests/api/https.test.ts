import { request } from 'node:https';
import { createCA, createCert } from 'mkcert';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/test-app.js';

/** GET over HTTPS trusting only `ca`: fails unless the server presents a certificate it signed. */
function getTrusting(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serving HTTPS directly (as pnpm dev:outlook does)', () => {
  it('when given a certificate and key, then the server answers over TLS with that certificate', async () => {
    const ca = await createCA({
      organization: 'Inbox CRM test CA',
      countryCode: 'GB',
      state: 'London',
      locality: 'London',
      validity: 1,
    });
    const cert = await createCert({ ca, domains: ['127.0.0.1', 'localhost'], validity: 1 });
    const testApp = await startTestApp(undefined, {
      publicUrl: 'https://localhost:3000',
      tls: { cert: Buffer.from(cert.cert), key: Buffer.from(cert.key) },
    });
    try {
      const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
      expect(address).toMatch(/^https:\/\//);
      const reply = await getTrusting(`${address}/api/v1/health`, ca.cert);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ status: 'ok' });
    } finally {
      await testApp.close();
    }
  });
});
