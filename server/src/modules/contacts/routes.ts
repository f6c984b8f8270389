import { Contact, ContactCreate, ContactListQuery, ContactUpdate } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { registerRecordRoutes } from '../../http/record-routes.js';
import { contactsService } from './service.js';

/** Contacts: list, read, create, update (versioned), soft delete and restore. */
export async function contactRoutes(app: App): Promise<void> {
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
}
