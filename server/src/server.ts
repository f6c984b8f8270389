import { readFile } from 'node:fs/promises';
import { buildApp } from './app.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './bootstrap/demo-data.js';
import { ensureOrganisation, type StartupState } from './bootstrap/ensure-organisation.js';
import { resolveJwtSecret, resolveSecretsKey } from './bootstrap/jwt-secret.js';
import { loadConfig, type Config } from './config.js';
import { createCrmWorker } from './crm-worker.js';
import type { Database } from './db/database.js';
import { openConfiguredDatabase, openReportsDatabase } from './open-database.js';
import { MailboxReaders } from './modules/service-desk/index.js';
import { secretBox } from './secret-box.js';
import { exitOnError } from './startup-errors.js';
import { logDestination } from './http/log-destination.js';
import { gatherEmbeddedStatistics } from './db/planner-statistics.js';

/** The organisation in place (on a first start, the demo company too), and the planner told of it. */
async function dataInPlace(database: Database, config: Config): Promise<StartupState> {
  const state = await ensureOrganisation(database, config);
  await gatherEmbeddedStatistics(database);
  return state;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const state = await dataInPlace(database, config).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const reportsDatabase = openReportsDatabase(config, database);
  const secretsKey = await resolveSecretsKey(config);
  const logStream = logDestination(1);
  const app = await buildApp({
    database,
    reportsDatabase: reportsDatabase.knex,
    jwtSecret: await resolveJwtSecret(config),
    secretsKey,
    publicUrl: config.publicUrl,
    gmail: config.gmail,
    gmailApiUrl: config.gmailApiUrl,
    outlookAddInId: config.outlookAddInId,
    tls: config.tls && { cert: await readFile(config.tls.certFile), key: await readFile(config.tls.keyFile) },
    logger: { level: config.logLevel, stream: logStream },
    emailEnabled: config.smtp !== null,
    trustProxy: config.trustProxy,
    webhookAllowPrivate: config.webhookAllowPrivate,
    mailboxAllowPrivate: config.mailboxAllowPrivate,
    attachmentLimits: config.attachmentLimits,
  });
  await app.listen({ port: config.port, host: config.host });
  const scheduler = config.worker
    ? createCrmWorker({
        knex: database.knex,
        publicUrl: config.publicUrl,
        smtp: config.smtp,
        logger: app.log,
        webhookAllowPrivate: config.webhookAllowPrivate,
        secretsKey,
        mailboxAllowPrivate: config.mailboxAllowPrivate,
        attachmentLimits: config.attachmentLimits,
      })
    : null;
  scheduler?.worker.start();
  const mailboxReaders = config.worker
    ? new MailboxReaders({
        knex: database.knex,
        box: secretBox(secretsKey),
        limits: config.attachmentLimits,
        logger: app.log,
        allowPrivate: config.mailboxAllowPrivate,
      })
    : null;
  mailboxReaders?.start();

  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  const lines = [
    '',
    `Inbox CRM is running at ${config.publicUrl} (${where}).`,
    `  Console: ${config.publicUrl}/app/   Outlook task pane: ${config.publicUrl}/outlook/`,
    `  API docs: ${config.publicUrl}/docs`,
    ...(state.demoAvailable
      ? [`  Demo login: ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD} (also manager@ and member@ the same domain)`]
      : []),
    ...(state.demoLoaded ? ['  The demo company was created on this start.'] : []),
    ...(state.bootstrappedAdmin
      ? [`  Created your organisation; sign in as ${state.bootstrappedAdmin}.`]
      : []),
    ...(database.kind === 'pglite'
      ? ['  The embedded database is for one person trying the product; teams set DATABASE_URL.']
      : []),
    '',
  ];
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    // Gathered lines out now, in case closing hangs and the process is killed outright.
    logStream.flushSync();
    await mailboxReaders?.stop();
    await scheduler?.close();
    await app.close();
    await reportsDatabase.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(exitOnError('Inbox CRM cannot start'));
