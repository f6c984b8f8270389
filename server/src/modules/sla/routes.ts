import {
  CaseSla,
  CaseSlaQuery,
  IdParams,
  SlaPolicy,
  SlaPolicyCreate,
  SlaPolicyUpdate,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import type { Clock } from '../../jobs/clock.js';
import { caseSlas } from './clocks-service.js';
import * as service from './policies-service.js';

/** Service level policies (admins change them; everyone reads them) and cases' clocks. */
export async function slaRoutes(app: App, options: { clock: Clock }): Promise<void> {
  const tags = ['service levels'];
  app.get(
    '/sla-policies',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(SlaPolicy) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await service.listSlaPolicies(app.db, request.actor) }),
  );
  app.post(
    '/sla-policies',
    {
      schema: {
        tags,
        security: bearer,
        body: SlaPolicyCreate,
        response: { 201: SlaPolicy, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSlaPolicy(app.db, request.actor, request.body)),
  );
  app.put(
    '/sla-policies/:id',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: SlaPolicyUpdate,
        response: { 200: SlaPolicy, ...errorReplies },
      },
    },
    (request) => service.updateSlaPolicy(app.db, request.actor, request.params.id, request.body),
  );
  app.delete(
    '/sla-policies/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await service.deleteSlaPolicy(app.db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/case-sla',
    {
      schema: {
        tags,
        summary: "Cases' service level clocks now",
        security: bearer,
        querystring: CaseSlaQuery,
        response: { 200: Type.Object({ items: Type.Array(CaseSla) }), ...errorReplies },
      },
    },
    async (request) => ({
      items: await caseSlas(app.db, request.actor, request.query.ids.toLowerCase().split(','), options.clock),
    }),
  );
}
