import contentDisposition from 'content-disposition';
import {
  Email,
  EMAIL_BODY_LIMIT_BYTES,
  EmailAttachmentParams,
  EmailFile,
  EmailLinkParams,
  FiledEmail,
  FiledEmailsQuery,
  IdParams,
  MAX_ATTACHMENT_CONTENT_PER_EMAIL,
  MessageIdParams,
  Page,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import type { AttachmentLimits } from '../attachments/index.js';
import { filedEmails } from './filed-emails-service.js';
import * as service from './service.js';

const AttachmentFile = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'the file as it was attached',
});

/** The largest filing body: both text bodies at their limit, and two files at the per-file limit in base64. */
const filingBodyLimit = (limits: AttachmentLimits) =>
  EMAIL_BODY_LIMIT_BYTES +
  Math.ceil((Math.min(2 * limits.perFileBytes, MAX_ATTACHMENT_CONTENT_PER_EMAIL) * 4) / 3);

export async function emailsRoutes(app: App, options: { attachmentLimits: AttachmentLimits }): Promise<void> {
  const tags = ['emails'];
  const limits = options.attachmentLimits;
  app.post(
    '/emails',
    {
      bodyLimit: filingBodyLimit(limits),
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
      const { email, created } = await service.fileEmail(app.db, request.actor, request.body, limits);
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
  app.get(
    '/emails/:id/attachments/:position',
    {
      schema: {
        tags,
        security: bearer,
        description:
          'An attachment’s content, always as a download under its name and type; 404 when only its name was kept.',
        produces: ['application/octet-stream'],
        params: EmailAttachmentParams,
        response: { 200: AttachmentFile, ...errorReplies },
      },
    },
    async (request, reply) => {
      const file = await service.getAttachment(
        app.db,
        request.actor,
        request.params.id,
        request.params.position,
      );
      // Never shown on our origin: a download, not sniffed, and sandboxed should a browser open it anyway.
      return reply
        .type(file.contentType || 'application/octet-stream')
        .header('content-disposition', contentDisposition(file.name))
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
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
