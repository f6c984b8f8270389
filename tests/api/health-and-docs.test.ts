import { inject } from 'vitest';
import { Client } from '../support/http.js';
import { describe, expect, test } from '../support/suite.js';

const it = test.extend('anonymous', ({ testApp }) => new Client(testApp.app));

describe('public endpoints', () => {
  it('reports health and which database answers, at /health and /api/v1/health', async ({ anonymous }) => {
    const expected = { status: 'ok', database: inject('testDatabaseUrl') ? 'postgres' : 'pglite' };
    expect((await anonymous.get('/health')).body).toEqual(expected);
    expect((await anonymous.get('/api/v1/health')).body).toEqual(expected);
  });

  it('publishes the OpenAPI document with bearer auth and the error shape, and its viewer at /docs', async ({
    testApp,
    anonymous,
  }) => {
    const document = (await anonymous.get('/docs/json')).body;
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/lookup',
        '/api/v1/emails',
        '/api/v1/accounts/{id}/timeline',
        '/api/v1/search',
      ]),
    );
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(
      document.paths['/api/v1/lookup'].get.responses['4XX'] ??
        document.paths['/api/v1/lookup'].get.responses['4xx'],
    ).toBeDefined();
    const viewer = await testApp.app.inject({ method: 'GET', url: '/docs/' });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.headers['content-type']).toContain('text/html');
  });
});
