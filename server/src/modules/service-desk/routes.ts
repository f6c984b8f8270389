import {
  IdParams,
  SupportMailbox,
  SupportMailboxCreate,
  SupportMailboxUpdate,
  SupportMailProblem,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import * as service from './mailboxes-service.js';

/** Support mailboxes, for admins: where support mail is read from, and what could not be read. */
export async function supportMailboxRoutes(app: App, rules: service.MailboxRules): Promise<void> {
  const tags = ['service desk'];
  app.get(
    '/support-mailboxes',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(SupportMailbox) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await service.listSupportMailboxes(app.db, request.actor) }),
  );
  app.get(
    '/support-mailboxes/:id',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        response: { 200: SupportMailbox, ...errorReplies },
      },
    },
    (request) => service.getSupportMailbox(app.db, request.actor, request.params.id),
  );
  app.post(
    '/support-mailboxes',
    {
      schema: {
        tags,
        security: bearer,
        body: SupportMailboxCreate,
        response: { 201: SupportMailbox, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSupportMailbox(app.db, request.actor, request.body, rules)),
  );
  app.patch(
    '/support-mailboxes/:id',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: SupportMailboxUpdate,
        response: { 200: SupportMailbox, ...errorReplies },
      },
    },
    (request) => service.updateSupportMailbox(app.db, request.actor, request.params.id, request.body, rules),
  );
  app.delete(
    '/support-mailboxes/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await service.deleteSupportMailbox(app.db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/support-mailboxes/:id/problems',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(SupportMailProblem) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await service.listSupportMailProblems(app.db, request.actor, request.params.id),
    }),
  );
}
