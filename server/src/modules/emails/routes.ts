import {
  Email,
  EMAIL_BODY_LIMIT_BYTES,
  EmailFile,
  EmailLinkParams,
  FiledEmail,
  FiledEmailsQuery,
  IdParams,
  MessageIdParams,
  Page,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { filedEmails } from './filed-emails-service.js';
import * as service from './service.js';

export async function emailsRoutes(app: App): Promise<void> {
  const tags = ['emails'];
  app.post(
    '/emails',
    {
      bodyLimit: EMAIL_BODY_LIMIT_BYTES,
      schema: {
        tags,
        security: bearer,
        description:
          'Files a message; 201 the first time, 200 with the union of links when it was filed before.',
        body: EmailFile,
        response: { 200: Email, 201: Email, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { email, created } = await service.fileEmail(app.db, request.actor, request.body);
      return reply.status(created ? 201 : 200).send(email);
    },
  );
  app.get(
    '/emails',
    {
      schema: {
        tags,
        security: bearer,
        description:
          'Filed correspondence, newest first: mine, my team’s (managers, admins) or everyone’s (admins).',
        querystring: FiledEmailsQuery,
        response: { 200: Page(FiledEmail), ...errorReplies },
      },
    },
    (request) => filedEmails(app.db, request.actor, request.query),
  );
  app.get(
    '/emails/by-message-id/:messageId',
    {
      schema: { tags, security: bearer, params: MessageIdParams, response: { 200: Email, ...errorReplies } },
    },
    (request) => service.getEmailByMessageId(app.db, request.actor, request.params.messageId),
  );
  app.get(
    '/emails/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 200: Email, ...errorReplies } } },
    (request) => service.getEmail(app.db, request.actor, request.params.id),
  );
  app.delete(
    '/emails/:id/links/:type/:recordId',
    {
      schema: { tags, security: bearer, params: EmailLinkParams, response: { 200: Email, ...errorReplies } },
    },
    (request) =>
      service.unlinkEmail(app.db, request.actor, request.params.id, {
        type: request.params.type,
        id: request.params.recordId,
      }),
  );
  app.delete(
    '/emails/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await service.deleteEmail(app.db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
