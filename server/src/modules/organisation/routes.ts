import {
  IdParams,
  Organisation,
  OrganisationUpdate,
  PipelineStage,
  PipelineStageCreate,
  PipelineStageUpdate,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import * as service from './service.js';

export async function organisationRoutes(app: App): Promise<void> {
  const tags = ['organisation'];
  app.get(
    '/organisation',
    { schema: { tags, security: bearer, response: { 200: Organisation, ...errorReplies } } },
    (request) => service.getOrganisation(app.db, request.actor),
  );
  app.patch(
    '/organisation',
    {
      schema: {
        tags,
        security: bearer,
        body: OrganisationUpdate,
        response: { 200: Organisation, ...errorReplies },
      },
    },
    (request) => service.updateOrganisation(app.db, request.actor, request.body),
  );
  app.get(
    '/pipeline-stages',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(PipelineStage) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await service.listStages(app.db, request.actor) }),
  );
  app.post(
    '/pipeline-stages',
    {
      schema: {
        tags,
        security: bearer,
        body: PipelineStageCreate,
        response: { 201: PipelineStage, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createStage(app.db, request.actor, request.body)),
  );
  app.patch(
    '/pipeline-stages/:id',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: PipelineStageUpdate,
        response: { 200: PipelineStage, ...errorReplies },
      },
    },
    (request) => service.updateStage(app.db, request.actor, request.params.id, request.body),
  );
}
