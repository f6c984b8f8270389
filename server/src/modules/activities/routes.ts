import { Activity, ActivityCreate, ActivityListQuery, ActivityUpdate } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { registerRecordRoutes } from '../../http/record-routes.js';
import { activitiesService } from './service.js';

/** Activities (emails, calls, meetings, notes): list, read, create, update (versioned), soft delete and restore. */
export async function activityRoutes(app: App): Promise<void> {
  registerRecordRoutes(
    app,
    {
      path: 'activities',
      item: Activity,
      create: ActivityCreate,
      update: ActivityUpdate,
      query: ActivityListQuery,
    },
    activitiesService,
  );
}
