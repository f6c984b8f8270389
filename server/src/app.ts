import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { gmailAddOn, type GoogleIdentity } from '@inbox-crm/addin-gmail';
import { addInIdFor } from '@inbox-crm/manifests';
import type { Database } from './db/database.js';
import type { App } from './http/app-instance.js';
import { countRequestsInFlight } from './http/requests-in-flight.js';
import { systemClock, type Clock } from './jobs/clock.js';

import { accountRoutes } from './modules/accounts/index.js';
import { activityRoutes } from './modules/activities/index.js';
import { meetingRoutes } from './modules/meetings/index.js';
import type { Knex } from 'knex';
import { auditRoutes } from './modules/audit/index.js';
import { reportRoutes } from './modules/reports/index.js';
import { authRoutes, sessionRoutes } from './modules/auth/index.js';
import { caseRoutes } from './modules/cases/index.js';
import { consentRoutes } from './modules/consents/index.js';
import { privacyRoutes } from './modules/privacy/index.js';
import { dataExportRoutes } from './modules/data-export/index.js';
import { importRoutes } from './modules/imports/index.js';
import { contactRoutes } from './modules/contacts/index.js';
import { deploymentRoutes } from './modules/deployment/index.js';
import { emailsRoutes } from './modules/emails/index.js';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from './modules/attachments/index.js';
import { deliveryRoutes } from './modules/deliveries/index.js';
import { crmGateway } from './modules/gmail/index.js';
import { healthRoutes } from './modules/health/index.js';
import { homeRoutes } from './modules/home/index.js';
import { lookupRoutes } from './modules/lookup/index.js';
import { mergeRoutes } from './modules/merge/index.js';
import { notificationRoutes } from './modules/notifications/index.js';
import { opportunityRoutes } from './modules/opportunities/index.js';
import { organisationRoutes } from './modules/organisation/index.js';
import { planRoutes } from './modules/plans/index.js';
import { slaRoutes } from './modules/sla/index.js';
import { recordListRoutes } from './modules/record-lists/index.js';
import { scheduledJobRoutes } from './modules/scheduled-jobs/index.js';
import { searchRoutes } from './modules/search/index.js';
import { activitySearchRoutes } from './modules/activity-search/index.js';
import { taskRoutes } from './modules/tasks/index.js';
import { timelineRoutes } from './modules/timeline/index.js';
import { usersRoutes } from './modules/users/index.js';
import { supportMailboxRoutes } from './modules/service-desk/index.js';
import { webhookRoutes } from './modules/webhooks/index.js';
import { workflowRoutes } from './modules/workflow/index.js';
import auth from './plugins/auth.js';
import database from './plugins/database.js';
import errorHandler from './plugins/error-handler.js';
import { manifestRoutes } from './plugins/manifest-routes.js';
import openapi from './plugins/openapi.js';
import { outlookAppRoutes, type OutlookAppOptions } from './plugins/outlook-app.js';
import securityHeaders from './plugins/security-headers.js';
import jsonBody from './plugins/json-body.js';
import textInput from './plugins/text-input.js';
import { validatorCompiler } from './plugins/validators.js';
import { serializerCompiler } from './http/response-serializer.js';
import { derivedSecret } from './derived-secret.js';
import { secretBox } from './secret-box.js';
import { wireEventSubscribers } from './event-subscribers.js';
import { PRODUCT_VERSION } from './version.js';
import { OneLinePerRequest } from './http/request-log.js';

/** Request bodies above this are refused with 413; filing an email allows more (see the emails module). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

export interface AppOptions {
  database: Database;
  /** Where reports read (see openReportsDatabase); by default the database itself. */
  reportsDatabase?: Knex;
  jwtSecret: string;
  /** Seals mailbox secrets (SECRETS_KEY, or the key kept in the data directory); by default drawn from jwtSecret. */
  secretsKey?: string;
  publicUrl: string;
  logger?: FastifyServerOptions['logger'];
  outlookApp?: OutlookAppOptions;
  /** The Gmail add-on's Google deployment; without it /gmail answers 503. */
  gmail?: GoogleIdentity | null;
  /** Where the Gmail add-on reaches the Gmail API; by default Google's own address. */
  gmailApiUrl?: string | null;
  /** The Outlook add-in's id; by default derived from the public URL. */
  outlookAddInId?: string | null;
  /** Serve HTTPS with this certificate and key (PEM); by default plain HTTP. */
  tls?: { cert: Buffer; key: Buffer } | null;
  /** Whether the server can send email (SMTP is set up): rules that email are refused without it. */
  emailEnabled?: boolean;
  /** The scheduler's time; tests hand the app and the worker one clock they move. */
  clock?: Clock;
  /** Whether webhooks may name private and local addresses (WEBHOOK_ALLOW_PRIVATE); by default not. */
  webhookAllowPrivate?: boolean;
  /** Whether support mailboxes may be on private addresses and sign in without TLS (MAILBOX_ALLOW_PRIVATE). */
  mailboxAllowPrivate?: boolean;
  /** Which proxies' X-Forwarded-For gives the client's address (TRUST_PROXY); by default none. */
  trustProxy?: boolean | number | string[];
  /** How much attachment content is kept per file and per organisation; by default 25 MB and 10 GB. */
  attachmentLimits?: AttachmentLimits;
}

// Fastify takes a hop count at run time but its types do not: a count becomes the same rule as a function.
function trustedProxies(trust: boolean | number | string[]) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** The whole product as one Fastify instance; tests build it and talk to it with inject(). */
export async function buildApp(options: AppOptions): Promise<App> {
  wireEventSubscribers();
  const attachmentLimits = options.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS;
  // Fastify types an HTTPS instance apart from an HTTP one; every route is the same on both, so the
  // app is typed as the HTTP one either way.
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    trustProxy: trustedProxies(options.trustProxy ?? false),
    ...(options.tls ? { https: options.tls } : {}),
  };
  const app = (Fastify(serverOptions) as FastifyInstance).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const outlookAddInId = options.outlookAddInId ?? addInIdFor(options.publicUrl);

  countRequestsInFlight(app);
  await app.register(errorHandler);
  await app.register(securityHeaders, { publicUrl: options.publicUrl });
  await app.register(jsonBody);
  await app.register(textInput);
  await app.register(database, { database: options.database, reportsDb: options.reportsDatabase });
  await app.register(openapi, { publicUrl: options.publicUrl, version: PRODUCT_VERSION });
  await app.register(auth, { secret: options.jwtSecret });

  await app.register(healthRoutes);
  await app.register(outlookAppRoutes, options.outlookApp ?? {});
  await app.register(manifestRoutes, {
    publicUrl: options.publicUrl,
    outlookAddInId,
    version: PRODUCT_VERSION,
  });
  await app.register(gmailAddOn, {
    prefix: '/gmail',
    publicUrl: options.publicUrl,
    identity: options.gmail ?? null,
    gmailApiUrl: options.gmailApiUrl ?? null,
    stateSecret: derivedSecret(options.jwtSecret, 'gmail card state'),
    gateway: crmGateway(options.database.knex, attachmentLimits),
  });
  await app.register(
    async (api: App) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(async (secured: App) => {
        secured.addHook('onRequest', (request, reply) => secured.authenticate(request, reply));
        await secured.register(sessionRoutes);
        await secured.register(usersRoutes);
        await secured.register(organisationRoutes);
        await secured.register(accountRoutes);
        await secured.register(contactRoutes);
        await secured.register(consentRoutes);
        await secured.register(privacyRoutes);
        await secured.register(dataExportRoutes);
        await secured.register(importRoutes);
        await secured.register(mergeRoutes);
        await secured.register(opportunityRoutes);
        await secured.register(caseRoutes);
        await secured.register(activityRoutes);
        await secured.register(meetingRoutes);
        await secured.register(taskRoutes);
        await secured.register(timelineRoutes);
        await secured.register(lookupRoutes);
        await secured.register(emailsRoutes, { attachmentLimits });
        await secured.register(searchRoutes);
        await secured.register(activitySearchRoutes);
        await secured.register(recordListRoutes);
        await secured.register(homeRoutes);
        await secured.register(auditRoutes);
        await secured.register(reportRoutes);
        await secured.register(notificationRoutes);
        await secured.register(workflowRoutes, { emailEnabled: options.emailEnabled ?? false });
        await secured.register(planRoutes, { clock: options.clock ?? systemClock });
        await secured.register(webhookRoutes, { allowPrivate: options.webhookAllowPrivate ?? false });
        await secured.register(deliveryRoutes);
        await secured.register(supportMailboxRoutes, {
          box: secretBox(options.secretsKey ?? derivedSecret(options.jwtSecret, 'secrets')),
          allowPrivate: options.mailboxAllowPrivate ?? false,
          emailEnabled: options.emailEnabled ?? false,
        });
        await secured.register(slaRoutes, { clock: options.clock ?? systemClock });
        await secured.register(scheduledJobRoutes);
        await secured.register(deploymentRoutes, {
          publicUrl: options.publicUrl,
          outlookAddInId,
          gmail: options.gmail ?? null,
        });
      });
    },
    { prefix: '/api/v1' },
  );
  return app;
}
