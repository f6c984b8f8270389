import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { gmailAddOn, type GoogleIdentity } from '@inbox-crm/addin-gmail';
import { addInIdFor } from '@inbox-crm/manifests';
import type { Database } from './db/database.js';
import type { App } from './http/app-instance.js';
import { systemClock, type Clock } from './jobs/clock.js';

import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes, sessionRoutes } from './modules/auth/routes.js';
import { deploymentRoutes } from './modules/deployment/routes.js';
import { emailsRoutes } from './modules/emails/routes.js';
import { deliveryRoutes } from './modules/deliveries/routes.js';
import { crmGateway } from './modules/gmail/crm-gateway.js';
import { healthRoutes } from './modules/health/routes.js';
import { lookupRoutes } from './modules/lookup/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { organisationRoutes } from './modules/organisation/routes.js';
import { planRoutes } from './modules/plans/routes.js';
import { recordRoutes } from './modules/records/routes.js';
import { scheduledJobRoutes } from './modules/scheduled-jobs/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { taskRoutes } from './modules/tasks/routes.js';
import { timelineRoutes } from './modules/timeline/routes.js';
import { usersRoutes } from './modules/users/routes.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import { workflowRoutes } from './modules/workflow/routes.js';
import auth from './plugins/auth.js';
import database from './plugins/database.js';
import errorHandler from './plugins/error-handler.js';
import { manifestRoutes } from './plugins/manifest-routes.js';
import openapi from './plugins/openapi.js';
import { outlookAppRoutes, type OutlookAppOptions } from './plugins/outlook-app.js';
import securityHeaders from './plugins/security-headers.js';
import textInput from './plugins/text-input.js';
import { validatorCompiler } from './plugins/validators.js';
import { derivedSecret } from './derived-secret.js';
import { PRODUCT_VERSION } from './version.js';

/** Request bodies above this are refused with 413; filing an email allows more (see the emails module). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

export interface AppOptions {
  database: Database;
  jwtSecret: string;
  publicUrl: string;
  logger?: FastifyServerOptions['logger'];
  outlookApp?: OutlookAppOptions;
  /** The Gmail add-on's Google deployment; without it /gmail answers 503. */
  gmail?: GoogleIdentity | null;
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
  /** Which proxies' X-Forwarded-For gives the client's address (TRUST_PROXY); by default none. */
  trustProxy?: boolean | number | string[];
}

// Fastify takes a hop count at run time but its types do not: a count becomes the same rule as a function.
function trustedProxies(trust: boolean | number | string[]) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** The whole product as one Fastify instance; tests build it and talk to it with inject(). */
export async function buildApp(options: AppOptions): Promise<App> {
  // Fastify types an HTTPS instance apart from an HTTP one; every route is the same on both, so the
  // app is typed as the HTTP one either way.
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    trustProxy: trustedProxies(options.trustProxy ?? false),
    ...(options.tls ? { https: options.tls } : {}),
  };
  const app = (Fastify(serverOptions) as FastifyInstance).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  const outlookAddInId = options.outlookAddInId ?? addInIdFor(options.publicUrl);

  await app.register(errorHandler);
  await app.register(securityHeaders, { publicUrl: options.publicUrl });
  await app.register(textInput);
  await app.register(database, { database: options.database });
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
    stateSecret: derivedSecret(options.jwtSecret, 'gmail card state'),
    gateway: crmGateway(options.database.knex),
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
        await secured.register(taskRoutes);
        await secured.register(recordRoutes);
        await secured.register(timelineRoutes);
        await secured.register(lookupRoutes);
        await secured.register(emailsRoutes);
        await secured.register(searchRoutes);
        await secured.register(auditRoutes);
        await secured.register(notificationRoutes);
        await secured.register(workflowRoutes, { emailEnabled: options.emailEnabled ?? false });
        await secured.register(planRoutes, { clock: options.clock ?? systemClock });
        await secured.register(webhookRoutes, { allowPrivate: options.webhookAllowPrivate ?? false });
        await secured.register(deliveryRoutes);
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
