import {
  IdParams,
  WorkflowCatalogue,
  WorkflowRule,
  WorkflowRuleCreate,
  WorkflowRuleUpdate,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import type { RuleEnvironment } from './rule-validation.js';
import * as service from './service.js';

/** Workflow rules, for admins. */
export async function workflowRoutes(app: App, environment: RuleEnvironment): Promise<void> {
  const tags = ['workflow'];
  const one = { 200: WorkflowRule, ...errorReplies };
  app.get(
    '/workflow-rules',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(WorkflowRule) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await service.listRules(app.db, request.actor) }),
  );
  app.get(
    '/workflow-rules/catalogue',
    { schema: { tags, security: bearer, response: { 200: WorkflowCatalogue, ...errorReplies } } },
    (request) => service.ruleCatalogue(request.actor, environment),
  );
  app.get(
    '/workflow-rules/:id',
    { schema: { tags, security: bearer, params: IdParams, response: one } },
    (request) => service.getRule(app.db, request.actor, request.params.id),
  );
  app.post(
    '/workflow-rules',
    {
      schema: {
        tags,
        security: bearer,
        body: WorkflowRuleCreate,
        response: { 201: WorkflowRule, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createRule(app.db, request.actor, request.body, environment)),
  );
  app.patch(
    '/workflow-rules/:id',
    { schema: { tags, security: bearer, params: IdParams, body: WorkflowRuleUpdate, response: one } },
    (request) => service.updateRule(app.db, request.actor, request.params.id, request.body, environment),
  );
  app.delete(
    '/workflow-rules/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await service.deleteRule(app.db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
