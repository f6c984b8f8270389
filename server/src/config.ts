import type { GoogleIdentity } from '@inbox-crm/addin-gmail';
import { isEmailAddress } from '@inbox-crm/shared';
import type { SmtpSettings } from './modules/deliveries/index.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface BootstrapAdmin {
  orgName: string;
  adminEmail: string;
  adminPassword: string;
}

/** Everything the server reads from its environment, typed and checked once at start. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** null: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | null;
  /** Connections each instance keeps to PostgreSQL. */
  databasePoolMax: number;
  /** Where reports read (a read replica); null: the same database, through a pool of their own. */
  databaseReportsUrl: string | null;
  /** Connections reports may hold at once, so that they never take the sender view's. */
  databaseReportsPoolMax: number;
  dataDir: string;
  /** null: generated on first start and kept in `dataDir` (see resolveJwtSecret). */
  jwtSecret: string | null;
  /** Seals mailbox secrets at rest; null: generated on first start and kept in `dataDir`. */
  secretsKey: string | null;
  logLevel: LogLevel;
  demoData: boolean;
  bootstrap: BootstrapAdmin | null;
  /** The Gmail add-on's Google deployment; null when it is not set up. */
  gmail: GoogleIdentity | null;
  /** GMAIL_API_URL: where the Gmail API is reached (a private endpoint); null for Google's own. */
  gmailApiUrl: string | null;
  /** The Outlook add-in's id (a GUID); null: derived from PUBLIC_URL, so stable per deployment. */
  outlookAddInId: string | null;
  /** Serve HTTPS with this certificate and key (PEM files); null: plain HTTP behind a proxy. */
  tls: { certFile: string; keyFile: string } | null;
  /** Where reminder emails go out; null: no email, only in-app notifications and webhooks. */
  smtp: SmtpSettings | null;
  /** Whether this instance runs the scheduler (reminders, rules, plans, deliveries) and reads support mailboxes. */
  worker: boolean;
  /** Let webhooks call private and local addresses (on-premises installs); off: public addresses only. */
  webhookAllowPrivate: boolean;
  /** Let support mailboxes live on private and local addresses (MAILBOX_ALLOW_PRIVATE). */
  mailboxAllowPrivate: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (the sign-in throttle counts
   * per client IP): false none, true all, a number of hops, or the proxies' addresses and CIDRs.
   */
  trustProxy: boolean | number | string[];
  /** Attachment content kept per file (ATTACHMENT_MAX_BYTES) and per organisation (ATTACHMENT_STORAGE_MAX_BYTES). */
  attachmentLimits: { perFileBytes: number; perOrganisationBytes: number };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

function parsePoolMax(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const max = Number(raw);
  if (!Number.isInteger(max) || max < 1 || max > 500) {
    throw new ConfigError(`${name} must be a whole number from 1 to 500, not "${raw}".`);
  }
  return max;
}

/** Reports read from a replica only beside a PostgreSQL primary: the embedded database has no replicas. */
function parseReportsUrl(reportsUrl: string | undefined, databaseUrl: string | undefined): string | null {
  if (reportsUrl && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_REPORTS_URL needs DATABASE_URL: reports read a replica of a PostgreSQL database.',
    );
  }
  return reportsUrl ?? null;
}

function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${raw}".`);
  }
  return raw as LogLevel;
}

function parseBoolean(name: string, raw: string | undefined): boolean {
  if (raw === undefined) return false;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, not "${raw}".`);
}

/** Tokens are signed HS256 with JWT_SECRET, and keys are hashed from SECRETS_KEY: shorter ones can be brute-forced offline. */
const MIN_SECRET_BYTES = 32;

function parseSecret(name: string, raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (Buffer.byteLength(raw, 'utf8') < MIN_SECRET_BYTES) {
    throw new ConfigError(
      `${name} must be at least ${MIN_SECRET_BYTES} bytes; make one with \`openssl rand -base64 48\`.`,
    );
  }
  return raw;
}

function parseBootstrap(env: Env): BootstrapAdmin | null {
  const orgName = text(env, 'BOOTSTRAP_ORG_NAME');
  const adminEmail = text(env, 'BOOTSTRAP_ADMIN_EMAIL');
  const adminPassword = text(env, 'BOOTSTRAP_ADMIN_PASSWORD');
  if (orgName === undefined && adminEmail === undefined && adminPassword === undefined) return null;
  if (orgName === undefined || adminEmail === undefined || adminPassword === undefined) {
    throw new ConfigError(
      'Set all three of BOOTSTRAP_ORG_NAME, BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or none.',
    );
  }
  if (!isEmailAddress(adminEmail))
    throw new ConfigError(`BOOTSTRAP_ADMIN_EMAIL "${adminEmail}" is not an address.`);
  if (adminPassword.length < 8)
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD must have at least 8 characters.');
  return { orgName, adminEmail, adminPassword };
}

function parseGmail(env: Env): GoogleIdentity | null {
  const serviceAccount = text(env, 'GMAIL_SERVICE_ACCOUNT');
  const oauthClientId = text(env, 'GMAIL_OAUTH_CLIENT_ID');
  if (serviceAccount === undefined && oauthClientId === undefined) return null;
  if (serviceAccount === undefined || oauthClientId === undefined) {
    throw new ConfigError(
      'Set both GMAIL_SERVICE_ACCOUNT and GMAIL_OAUTH_CLIENT_ID for the Gmail add-on, or neither.',
    );
  }
  if (!/^service-\d+@gcp-sa-gsuiteaddons\.iam\.gserviceaccount\.com$/.test(serviceAccount)) {
    throw new ConfigError(
      `GMAIL_SERVICE_ACCOUNT must be the add-on's account, service-PROJECT_NUMBER@gcp-sa-gsuiteaddons.iam.gserviceaccount.com, not "${serviceAccount}".`,
    );
  }
  return { serviceAccount, oauthClientId };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** The user's Google token goes with every call: https, or plain http to this machine only. */
function parseGmailApiUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`GMAIL_API_URL must be a URL, not "${raw}".`);
  }
  const local = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw new ConfigError(`GMAIL_API_URL must be an https URL (http only to this machine), not "${raw}".`);
  }
  // The Gmail client puts its paths at the root and would drop these, or fail on credentials.
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `GMAIL_API_URL must be an origin alone, such as https://gmail.googleapis.com, not "${raw}".`,
    );
  }
  return url.href;
}

function parseAddInId(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) {
    throw new ConfigError(`OUTLOOK_ADDIN_ID must be a GUID, not "${raw}".`);
  }
  return raw.toLowerCase();
}

function parseTls(env: Env): Config['tls'] {
  const certFile = text(env, 'HTTPS_CERT_FILE');
  const keyFile = text(env, 'HTTPS_KEY_FILE');
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined || keyFile === undefined) {
    throw new ConfigError('Set both HTTPS_CERT_FILE and HTTPS_KEY_FILE to serve HTTPS, or neither.');
  }
  return { certFile, keyFile };
}

function parseSmtp(env: Env): SmtpSettings | null {
  const url = text(env, 'SMTP_URL');
  const from = text(env, 'SMTP_FROM');
  if (url === undefined && from === undefined) return null;
  if (url === undefined || from === undefined) {
    throw new ConfigError('Set both SMTP_URL and SMTP_FROM to send reminder emails, or neither.');
  }
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new ConfigError('SMTP_URL must be a URL such as smtp://user:password@mail.example.com:587.');
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, not ${protocol}//.`);
  }
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
  if (!isEmailAddress(address)) throw new ConfigError(`SMTP_FROM "${from}" is not an address.`);
  return { url, from };
}

function parsePublicUrl(raw: string | undefined, host: string, port: number): string {
  const fallback = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  const value = raw ?? fallback;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http(s) URL, not "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

function parseTrustProxy(raw: string | undefined): Config['trustProxy'] {
  if (raw === undefined || /^(false|0|no)$/i.test(raw)) return false;
  if (/^(true|yes)$/i.test(raw)) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const proxies = raw.split(',').map((part) => part.trim());
  if (proxies.some((proxy) => !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(proxy))) {
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a number of hops or proxy addresses such as 10.0.0.0/8, not "${raw}".`,
    );
  }
  return proxies;
}

/** A size in bytes, written as a number with an optional unit: 25MB, 10GB, 1048576. */
function parseBytes(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const match = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?$/i.exec(raw);
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 }[
    (match?.[2] ?? 'B').toUpperCase() as 'B' | 'KB' | 'MB' | 'GB' | 'TB'
  ];
  const bytes = match ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new ConfigError(`${name} must be a size such as 25MB or 10GB, not "${raw}".`);
  }
  return bytes;
}

/** Reads and checks the configuration; throws ConfigError with a sentence naming the variable at fault. */
export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(text(env, 'PORT'));
  const host = text(env, 'HOST') ?? '127.0.0.1';
  return {
    port,
    host,
    publicUrl: parsePublicUrl(text(env, 'PUBLIC_URL'), host, port),
    databaseUrl: text(env, 'DATABASE_URL') ?? null,
    databasePoolMax: parsePoolMax('DATABASE_POOL_MAX', text(env, 'DATABASE_POOL_MAX'), 10),
    databaseReportsUrl: parseReportsUrl(text(env, 'DATABASE_REPORTS_URL'), text(env, 'DATABASE_URL')),
    databaseReportsPoolMax: parsePoolMax(
      'DATABASE_REPORTS_POOL_MAX',
      text(env, 'DATABASE_REPORTS_POOL_MAX'),
      2,
    ),
    dataDir: text(env, 'DATA_DIR') ?? './data',
    jwtSecret: parseSecret('JWT_SECRET', text(env, 'JWT_SECRET')),
    secretsKey: parseSecret('SECRETS_KEY', text(env, 'SECRETS_KEY')),
    logLevel: parseLogLevel(text(env, 'LOG_LEVEL')),
    demoData: parseBoolean('DEMO_DATA', text(env, 'DEMO_DATA')),
    bootstrap: parseBootstrap(env),
    gmail: parseGmail(env),
    gmailApiUrl: parseGmailApiUrl(text(env, 'GMAIL_API_URL')),
    outlookAddInId: parseAddInId(text(env, 'OUTLOOK_ADDIN_ID')),
    tls: parseTls(env),
    smtp: parseSmtp(env),
    worker: text(env, 'WORKER') === undefined ? true : parseBoolean('WORKER', text(env, 'WORKER')),
    webhookAllowPrivate: parseBoolean('WEBHOOK_ALLOW_PRIVATE', text(env, 'WEBHOOK_ALLOW_PRIVATE')),
    mailboxAllowPrivate: parseBoolean('MAILBOX_ALLOW_PRIVATE', text(env, 'MAILBOX_ALLOW_PRIVATE')),
    trustProxy: parseTrustProxy(text(env, 'TRUST_PROXY')),
    attachmentLimits: {
      perFileBytes: parseBytes('ATTACHMENT_MAX_BYTES', text(env, 'ATTACHMENT_MAX_BYTES'), 25 * 1024 ** 2),
      perOrganisationBytes: parseBytes(
        'ATTACHMENT_STORAGE_MAX_BYTES',
        text(env, 'ATTACHMENT_STORAGE_MAX_BYTES'),
        10 * 1024 ** 3,
      ),
    },
  };
}
