import {
  CaseAnswer,
  Email,
  IdParams,
  RoutingTrial,
  RoutingTrialResult,
  SupportMailbox,
  SupportMailboxCreate,
  SupportMailboxUpdate,
  SupportMailProblem,
  SupportRouting,
  SupportRoutingUpdate,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { answerCase } from './case-answers.js';
import * as service from './mailboxes-service.js';
import * as routing from './routing-service.js';

/** A pasted message of up to a megabyte, with the rules to try beside it. */
const TRIAL_BODY_LIMIT = 2 * 1024 * 1024;
const ROUTING_BODY_LIMIT = 1024 * 1024;

/**
 * Support mailboxes, for admins: where support mail is read from, what could not be read, and how
 * new cases are routed and acknowledged.
 */
export async function supportMailboxRoutes(
  app: App,
  rules: service.MailboxRules & routing.RoutingEnvironment,
): Promise<void> {
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
  app.get(
    '/support-mailboxes/:id/routing',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        response: { 200: SupportRouting, ...errorReplies },
      },
    },
    (request) => routing.getSupportRouting(app.db, request.actor, request.params.id),
  );
  app.put(
    '/support-mailboxes/:id/routing',
    {
      // Fifty rules of twenty conditions with long patterns are larger than the default limit.
      bodyLimit: ROUTING_BODY_LIMIT,
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: SupportRoutingUpdate,
        response: { 200: SupportRouting, ...errorReplies },
      },
    },
    (request) => routing.updateSupportRouting(app.db, request.actor, request.params.id, request.body, rules),
  );
  app.post(
    '/support-mailboxes/:id/routing/trial',
    {
      bodyLimit: TRIAL_BODY_LIMIT,
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: RoutingTrial,
        response: { 200: RoutingTrialResult, ...errorReplies },
      },
    },
    (request) => routing.tryRouting(app.db, request.actor, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/answers',
    {
      schema: {
        tags,
        summary: 'Answer the customer on a case, from its support address',
        security: bearer,
        params: IdParams,
        body: CaseAnswer,
        response: { 201: Email, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await answerCase(app.db, request.actor, request.params.id, request.body)),
  );
}
