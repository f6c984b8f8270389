import {
  EngagementPlan,
  EngagementPlanCreate,
  EngagementPlanUpdate,
  EnrollmentListQuery,
  EnrollmentStart,
  IdParams,
  PlanEnrollment,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import type { Clock } from '../../jobs/clock.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import * as service from './service.js';

/** Engagement plans (templates, kept by admins and managers) and their runs on records. */
export async function planRoutes(app: App, options: { clock: Clock }): Promise<void> {
  const tags = ['engagement plans'];
  const one = { 200: EngagementPlan, ...errorReplies };
  app.get(
    '/engagement-plans',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(EngagementPlan) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await service.listPlans(app.db, request.actor) }),
  );
  app.get(
    '/engagement-plans/:id',
    { schema: { tags, security: bearer, params: IdParams, response: one } },
    (request) => service.getPlan(app.db, request.actor, request.params.id),
  );
  app.post(
    '/engagement-plans',
    {
      schema: {
        tags,
        security: bearer,
        body: EngagementPlanCreate,
        response: { 201: EngagementPlan, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPlan(app.db, request.actor, request.body)),
  );
  app.patch(
    '/engagement-plans/:id',
    { schema: { tags, security: bearer, params: IdParams, body: EngagementPlanUpdate, response: one } },
    (request) => service.updatePlan(app.db, request.actor, request.params.id, request.body),
  );
  app.delete(
    '/engagement-plans/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await service.deletePlan(app.db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/engagement-plans/:id/enrollments',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: EnrollmentStart,
        response: { 201: PlanEnrollment, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.startPlan(
            app.db,
            request.actor,
            request.params.id,
            request.body,
            options.clock.now(),
          ),
        ),
  );
  app.get(
    '/plan-enrollments',
    {
      schema: {
        tags,
        security: bearer,
        querystring: EnrollmentListQuery,
        response: { 200: Type.Object({ items: Type.Array(PlanEnrollment) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await service.enrollmentsOf(
        app.db,
        request.actor,
        request.query.recordType,
        request.query.recordId,
      ),
    }),
  );
  app.post(
    '/plan-enrollments/:id/stop',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        response: { 200: PlanEnrollment, ...errorReplies },
      },
    },
    (request) => service.stopPlan(app.db, request.actor, request.params.id),
  );
}
