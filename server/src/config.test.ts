import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults that run the embedded demo with nothing set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:3000',
      databaseUrl: null,
      databasePoolMax: 10,
      databaseReportsUrl: null,
      databaseReportsPoolMax: 2,
      dataDir: './data',
      jwtSecret: null,
      secretsKey: null,
      logLevel: 'info',
      demoData: false,
      bootstrap: null,
      gmail: null,
      gmailApiUrl: null,
      outlookAddInId: null,
      tls: null,
      smtp: null,
      worker: true,
      webhookAllowPrivate: false,
      mailboxAllowPrivate: false,
      trustProxy: false,
      attachmentLimits: { perFileBytes: 25 * 1024 * 1024, perOrganisationBytes: 10 * 1024 * 1024 * 1024 },
    });
  });

  it('reads attachment limits as sizes with units, and refuses what is not one', () => {
    expect(
      loadConfig({ ATTACHMENT_MAX_BYTES: '40MB', ATTACHMENT_STORAGE_MAX_BYTES: '1.5 GB' }).attachmentLimits,
    ).toEqual({ perFileBytes: 40 * 1024 * 1024, perOrganisationBytes: 1.5 * 1024 * 1024 * 1024 });
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: 'lots' })).toThrow(
      'ATTACHMENT_MAX_BYTES must be a size such as 25MB or 10GB, not "lots".',
    );
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://crm.example.com/',
      DATABASE_URL: 'postgres://db/crm',
      DATA_DIR: '/var/lib/crm',
      JWT_SECRET: 's'.repeat(40),
      SECRETS_KEY: 'k'.repeat(40),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
      BOOTSTRAP_ORG_NAME: 'Acme',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@acme.com',
      BOOTSTRAP_ADMIN_PASSWORD: 'long enough',
      GMAIL_SERVICE_ACCOUNT: 'service-123456789@gcp-sa-gsuiteaddons.iam.gserviceaccount.com',
      GMAIL_OAUTH_CLIENT_ID: '123456789-abc.apps.googleusercontent.com',
      SMTP_URL: 'smtps://crm:secret@mail.example.com:465',
      SMTP_FROM: 'Inbox CRM <crm@example.com>',
      WORKER: 'false',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      MAILBOX_ALLOW_PRIVATE: 'true',
      TRUST_PROXY: '10.0.0.0/8, 192.168.1.10',
    });
    expect(config).toMatchObject({
      smtp: { url: 'smtps://crm:secret@mail.example.com:465', from: 'Inbox CRM <crm@example.com>' },
      worker: false,
      webhookAllowPrivate: true,
      mailboxAllowPrivate: true,
      trustProxy: ['10.0.0.0/8', '192.168.1.10'],
      jwtSecret: 's'.repeat(40),
      secretsKey: 'k'.repeat(40),
      port: 8080,
      publicUrl: 'https://crm.example.com',
      databaseUrl: 'postgres://db/crm',
      demoData: true,
      logLevel: 'warn',
    });
    expect(config.gmail).toEqual({
      serviceAccount: 'service-123456789@gcp-sa-gsuiteaddons.iam.gserviceaccount.com',
      oauthClientId: '123456789-abc.apps.googleusercontent.com',
    });
    expect(config.bootstrap).toEqual({
      orgName: 'Acme',
      adminEmail: 'admin@acme.com',
      adminPassword: 'long enough',
    });
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
  });

  it('when GMAIL_API_URL is a private endpoint, this machine over http, or plain http elsewhere, then the first two are kept and the last refused', () => {
    expect(loadConfig({ GMAIL_API_URL: 'https://gmail-crm.p.googleapis.com/' }).gmailApiUrl).toBe(
      'https://gmail-crm.p.googleapis.com/',
    );
    expect(loadConfig({ GMAIL_API_URL: 'http://127.0.0.1:4100' }).gmailApiUrl).toBe('http://127.0.0.1:4100/');
    expect(() => loadConfig({ GMAIL_API_URL: 'http://gmail.example.com/' })).toThrow(/GMAIL_API_URL.*https/);
    expect(() => loadConfig({ GMAIL_API_URL: 'gmail' })).toThrow(/GMAIL_API_URL/);
    expect(() => loadConfig({ GMAIL_API_URL: 'http://127.0.0.1@evil.example/' })).toThrow(/GMAIL_API_URL/);
    for (const partial of [
      'https://proxy.example/prefix/',
      'https://proxy.example/?a=1',
      'https://u:p@proxy.example/',
    ]) {
      expect(() => loadConfig({ GMAIL_API_URL: partial })).toThrow(/origin alone/);
    }
  });

  it('when TRUST_PROXY is a hop count or nonsense, then it is read as hops or refused with its name', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ TRUST_PROXY: 'the load balancer' })).toThrow(/TRUST_PROXY/);
  });

  it('names the variable at fault', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      new ConfigError('PORT must be a whole number from 0 to 65535, not "eighty".'),
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => loadConfig({ DATABASE_REPORTS_POOL_MAX: 'two' })).toThrow(/DATABASE_REPORTS_POOL_MAX/);
    expect(() => loadConfig({ DATABASE_REPORTS_URL: 'postgres://replica/crm' })).toThrow(
      /needs DATABASE_URL/,
    );
    expect(
      loadConfig({ DATABASE_URL: 'postgres://primary/crm', DATABASE_REPORTS_URL: 'postgres://replica/crm' })
        .databaseReportsUrl,
    ).toBe('postgres://replica/crm');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ DEMO_DATA: 'sure' })).toThrow(/DEMO_DATA/);
    expect(() => loadConfig({ BOOTSTRAP_ORG_NAME: 'Acme' })).toThrow(/all three/);
    expect(() =>
      loadConfig({
        BOOTSTRAP_ORG_NAME: 'A',
        BOOTSTRAP_ADMIN_EMAIL: 'a@a.com',
        BOOTSTRAP_ADMIN_PASSWORD: 'short',
      }),
    ).toThrow(/8 characters/);
    expect(() => loadConfig({ GMAIL_OAUTH_CLIENT_ID: 'x.apps.googleusercontent.com' })).toThrow(/both/);
    expect(() => loadConfig({ OUTLOOK_ADDIN_ID: 'inbox-crm' })).toThrow(/OUTLOOK_ADDIN_ID must be a GUID/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com' })).toThrow(/both SMTP_URL and SMTP_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com', SMTP_FROM: 'crm@example.com' })).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com', SMTP_FROM: 'the crm' })).toThrow(
      /SMTP_FROM/,
    );
    expect(() => loadConfig({ WORKER: 'maybe' })).toThrow(/WORKER/);
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'sometimes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    expect(() => loadConfig({ HTTPS_CERT_FILE: '/etc/crm.crt' })).toThrow(
      /both HTTPS_CERT_FILE and HTTPS_KEY_FILE/,
    );
    expect(() =>
      loadConfig({
        GMAIL_SERVICE_ACCOUNT: 'me@example.com',
        GMAIL_OAUTH_CLIENT_ID: 'x.apps.googleusercontent.com',
      }),
    ).toThrow(/GMAIL_SERVICE_ACCOUNT must be the add-on's account/);
  });

  it('when JWT_SECRET is shorter than 32 bytes, then the server refuses to start and says how to make one', () => {
    expect(() => loadConfig({ JWT_SECRET: 's'.repeat(31) })).toThrow(
      new ConfigError('JWT_SECRET must be at least 32 bytes; make one with `openssl rand -base64 48`.'),
    );
    // Bytes, not characters: 16 two-byte characters are enough.
    expect(loadConfig({ JWT_SECRET: 'é'.repeat(16) }).jwtSecret).toBe('é'.repeat(16));
    expect(loadConfig({ JWT_SECRET: 's'.repeat(32) }).jwtSecret).toBe('s'.repeat(32));
    expect(() => loadConfig({ SECRETS_KEY: 'k'.repeat(31) })).toThrow(
      new ConfigError('SECRETS_KEY must be at least 32 bytes; make one with `openssl rand -base64 48`.'),
    );
  });
});
