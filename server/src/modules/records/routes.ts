import {
  Account,
  AccountCreate,
  AccountListQuery,
  AccountUpdate,
  Activity,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
  Case,
  CaseCreate,
  CaseListQuery,
  CaseUpdate,
  Contact,
  ContactCreate,
  ContactListQuery,
  ContactUpdate,
  Opportunity,
  OpportunityCreate,
  OpportunityListQuery,
  OpportunityUpdate,
  Task,
  TaskCreate,
  TaskListQuery,
  TaskUpdate,
} from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { registerRecordRoutes } from '../../http/record-routes.js';
import { accountsService } from '../accounts/service.js';
import { activitiesService } from '../activities/service.js';
import { casesService } from '../cases/service.js';
import { contactsService } from '../contacts/service.js';
import { opportunitiesService } from '../opportunities/service.js';
import { tasksService } from '../tasks/service.js';

/** List, read, create, update (versioned), soft delete and restore for every record type. */
export async function recordRoutes(app: App): Promise<void> {
  registerRecordRoutes(
    app,
    {
      path: 'accounts',
      item: Account,
      create: AccountCreate,
      update: AccountUpdate,
      query: AccountListQuery,
    },
    accountsService,
  );
  registerRecordRoutes(
    app,
    {
      path: 'contacts',
      item: Contact,
      create: ContactCreate,
      update: ContactUpdate,
      query: ContactListQuery,
    },
    contactsService,
  );
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
  registerRecordRoutes(
    app,
    { path: 'cases', item: Case, create: CaseCreate, update: CaseUpdate, query: CaseListQuery },
    casesService,
  );
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
  registerRecordRoutes(
    app,
    { path: 'tasks', item: Task, create: TaskCreate, update: TaskUpdate, query: TaskListQuery },
    tasksService,
  );
}
