import { Case, CaseCreate, CaseListQuery, CaseUpdate } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { registerRecordRoutes } from '../../http/record-routes.js';
import { casesService } from './service.js';

/** Cases: list, read, create, update (versioned), soft delete and restore. */
export async function caseRoutes(app: App): Promise<void> {
  registerRecordRoutes(
    app,
    { path: 'cases', item: Case, create: CaseCreate, update: CaseUpdate, query: CaseListQuery },
    casesService,
  );
}
