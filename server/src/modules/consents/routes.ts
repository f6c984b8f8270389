import {
  ConsentCreate,
  ConsentEntry,
  ContactConsents,
  FormConsent,
  FormConsentResult,
  IdParams,
} from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import * as service from './service.js';

/** The consent ledger: a contact's answers per purpose, and what website forms send in. */
export async function consentRoutes(app: App): Promise<void> {
  const tags = ['consent'];
  app.get(
    '/contacts/:id/consents',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        response: { 200: ContactConsents, ...errorReplies },
      },
    },
    (request) => service.contactConsents(app.db, request.actor, request.params.id),
  );
  app.post(
    '/contacts/:id/consents',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: ConsentCreate,
        response: { 201: ConsentEntry, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.recordConsent(app.db, request.actor, request.params.id, request.body)),
  );
  app.post(
    '/consents',
    {
      schema: {
        tags,
        summary: 'Record what a website form collected',
        description:
          "For a website's server, with an integration's API token: finds the contact holding the address (or creates one) and adds the answer for each purpose the form offered.",
        security: bearer,
        body: FormConsent,
        response: { 201: FormConsentResult, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.recordFormConsent(app.db, request.actor, request.body)),
  );
}
