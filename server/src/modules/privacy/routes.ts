import {
  ErasureRequest,
  ErasureResult,
  PersonRequest,
  SuppressionAddress,
  SuppressionCheck,
  SuppressionList,
} from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { sendZip } from '../../http/zip-download.js';
import { bearer, errorReplies, ZipFile } from '../../http/route-schema.js';
import { erasePerson } from './erasure-service.js';
import { subjectAccess } from './subject-access-service.js';
import * as suppressions from './suppression-service.js';

/** Privacy requests, for admins: forgetting a person, and the suppression list. */
export async function privacyRoutes(app: App): Promise<void> {
  const tags = ['privacy'];
  app.post(
    '/privacy/erasures',
    {
      schema: {
        tags,
        summary: 'Forget a person',
        description:
          'Deletes their contact for good, deletes the mail they alone were on and takes them out of everything else, and suppresses their addresses. It cannot be undone.',
        security: bearer,
        body: ErasureRequest,
        response: { 201: ErasureResult, ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await erasePerson(app.db, request.actor, request.body)),
  );
  app.post(
    '/privacy/access-requests',
    {
      schema: {
        tags,
        summary: 'Everything held about a person',
        description:
          'A ZIP of their contact records, the emails they were on or that name them (with bodies and attachments), calls, meetings, notes, tasks, cases, deals, consent history and audit entries.',
        security: bearer,
        body: PersonRequest,
        response: { 200: ZipFile, ...errorReplies },
      },
    },
    async (request, reply) =>
      sendZip(request, reply, await subjectAccess(app.db, request.actor, request.body)),
  );
  app.get(
    '/privacy/suppressions',
    { schema: { tags, security: bearer, response: { 200: SuppressionList, ...errorReplies } } },
    (request) => suppressions.listSuppressions(app.db, request.actor),
  );
  app.post(
    '/privacy/suppressions/check',
    {
      schema: {
        tags,
        summary: 'Is this address suppressed?',
        security: bearer,
        body: SuppressionAddress,
        response: { 200: SuppressionCheck, ...errorReplies },
      },
    },
    (request) => suppressions.checkSuppression(app.db, request.actor, request.body.email),
  );
  app.post(
    '/privacy/suppressions',
    {
      schema: {
        tags,
        security: bearer,
        body: SuppressionAddress,
        response: { 201: SuppressionCheck, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await suppressions.addSuppression(app.db, request.actor, request.body.email)),
  );
  app.post(
    '/privacy/suppressions/remove',
    {
      schema: {
        tags,
        summary: 'Take an address off the suppression list',
        security: bearer,
        body: SuppressionAddress,
        response: { 200: SuppressionCheck, ...errorReplies },
      },
    },
    (request) => suppressions.removeSuppression(app.db, request.actor, request.body.email),
  );
}
