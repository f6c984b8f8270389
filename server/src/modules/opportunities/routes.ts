import { Opportunity, OpportunityCreate, OpportunityListQuery, OpportunityUpdate } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { registerRecordRoutes } from '../../http/record-routes.js';
import { opportunitiesService } from './service.js';

/** Opportunities: list, read, create, update (versioned), soft delete and restore. */
export async function opportunityRoutes(app: App): Promise<void> {
  registerRecordRoutes(
    app,
    {
      path: 'opportunities',
      item: Opportunity,
      create: OpportunityCreate,
      update: OpportunityUpdate,
      query: OpportunityListQuery,
    },
    opportunitiesService,
  );
}
