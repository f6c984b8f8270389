import type { Knex } from 'knex';
import type { CrmGateway, CrmSession } from '@inbox-crm/addin-gmail';
import {
  AccountCreate,
  CaseUpdate,
  ActivityCreate,
  ActivitySearchQuery,
  ContactCreate,
  ContactUpdate,
  EmailFile,
  IdParams,
  LookupRequest,
  MeetingLog,
  normalizeEmail,
  OpportunityUpdate,
  TaskCreate,
} from '@inbox-crm/shared';
import type { TSchema, Static } from 'typebox';
import type { Actor } from '../../actor.js';
import { ValidationFailed } from '../../errors.js';
import { compiledSchema } from '../../http/compiled-schema.js';
import { storableString, storableText } from '../../http/storable-text.js';
import { accountsService } from '../accounts/index.js';
import { activitiesService } from '../activities/index.js';
import { contactsService } from '../contacts/index.js';
import type { AttachmentLimits } from '../attachments/index.js';
import { deleteEmail, fileEmail, unlinkEmail } from '../emails/index.js';
import { lookup } from '../lookup/index.js';
import { logMeeting, meetingFor } from '../meetings/index.js';
import { opportunitiesService } from '../opportunities/index.js';
import { listStages } from '../organisation/index.js';
import { markAllMineRead, markMineRead, myNotifications, myUnreadCount } from '../notifications/index.js';
import { search } from '../search/index.js';
import { searchActivities } from '../activity-search/index.js';
import { casesService } from '../cases/index.js';
import { caseSlas } from '../sla/index.js';
import { tasksService } from '../tasks/index.js';
import { findUser, listUsers } from '../users/index.js';
import { userByAddress } from './google-users.js';
import { systemClock } from '../../jobs/clock.js';

const DUE_TASKS_SHOWN = 50;
const SEARCH_HITS = 20;

/** A request the add-on built, checked against the API's own schema as a route would check it. */
function checked<S extends TSchema>(schema: S, input: unknown, what: string): Static<S> {
  const body = storableText(input);
  const validator = compiledSchema(schema);
  if (!validator.Check(body)) {
    throw new ValidationFailed(`The ${what} is not valid.`, validator.Errors(body).slice(0, 5));
  }
  return body as Static<S>;
}

/**
 * The server's services as the Gmail add-on may use them, for the active user with a verified
 * Google address. Requests the add-on builds are checked against the API's own schemas, since they
 * do not pass through the API's routes.
 */
export function crmGateway(db: Knex, attachmentLimits: AttachmentLimits): CrmGateway {
  return {
    async sessionFor(email) {
      const row = await userByAddress(db, normalizeEmail(email));
      if (!row?.active) return null;
      const actor: Actor = { userId: row.id, orgId: row.org_id, role: row.role, teamId: row.team_id };
      const session: CrmSession = {
        user: { id: row.id, name: row.name, email: row.email },
        lookup: (request) => lookup(db, actor, checked(LookupRequest, request, 'lookup')),
        search: (text) => search(db, actor, { q: storableString(text), limit: SEARCH_HITS }),
        searchActivities: (query) =>
          searchActivities(db, actor, checked(ActivitySearchQuery, query, 'correspondence search')),
        tasksDueBefore: async (time) =>
          (
            await tasksService.list(db, actor, {
              assigneeId: actor.userId,
              done: false,
              dueBefore: time.toISOString(),
              limit: DUE_TASKS_SHOWN,
            })
          ).items.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '')),
        fileEmail: (body) =>
          fileEmail(db, actor, checked(EmailFile, body, 'message to file'), attachmentLimits),
        unfileEmail: (emailId, link) => unlinkEmail(db, actor, emailId, link),
        deleteEmail: (emailId) => deleteEmail(db, actor, emailId),
        logActivity: (body) => activitiesService.create(db, actor, checked(ActivityCreate, body, 'activity')),
        createTask: (body) => tasksService.create(db, actor, checked(TaskCreate, body, 'task')),
        notifications: async (limit) => ({
          unread: await myUnreadCount(db, actor),
          items: (await myNotifications(db, actor, { limit })).items,
        }),
        markNotificationsRead: (upTo) => markAllMineRead(db, actor, upTo),
        markNotificationRead: async (id) => {
          await markMineRead(db, actor, id);
        },
        createContact: (body) => contactsService.create(db, actor, checked(ContactCreate, body, 'contact')),
        async addContactEmail(contactId, address) {
          const { version, emails } = await contactsService.get(db, actor, contactId);
          const added = [...emails, normalizeEmail(address)];
          return contactsService.update(
            db,
            actor,
            contactId,
            checked(ContactUpdate, { version, emails: [...new Set(added)] }, 'contact'),
          );
        },
        createAccount: (body) => accountsService.create(db, actor, checked(AccountCreate, body, 'account')),
        pipelineStages: () => listStages(db, actor.orgId),
        getOpportunity: (id) =>
          opportunitiesService.get(db, actor, checked(IdParams, { id }, 'opportunity').id),
        moveOpportunity: (id, version, stageId) =>
          opportunitiesService.update(
            db,
            actor,
            checked(IdParams, { id }, 'opportunity').id,
            checked(OpportunityUpdate, { version, stageId }, 'stage move'),
          ),
        meetingStatus: async (occurrenceKey) => ({
          activity: await meetingFor(db, actor, storableString(occurrenceKey)),
        }),
        logMeeting: (body) => logMeeting(db, actor, checked(MeetingLog, body, 'meeting')),
        async caseView(id) {
          const caseId = checked(IdParams, { id }, 'case').id;
          const supportCase = await casesService.get(db, actor, caseId);
          const [sla] = await caseSlas(db, actor, [caseId], systemClock);
          const users = await listUsers(db, actor, { limit: 100 });
          const people = users.items
            .filter((user) => user.active || user.id === supportCase.ownerId)
            .map((user) => ({ id: user.id, name: user.name }));
          // The card's list must hold the owner, or saving it would seem to say "nobody".
          const owner = supportCase.ownerId && (await findUser(db, actor.orgId, supportCase.ownerId));
          if (owner && !people.some((person) => person.id === owner.id)) {
            people.push({ id: owner.id, name: owner.name });
          }
          return { supportCase, clocks: sla?.clocks ?? [], people };
        },
        updateCase: (id, version, change) =>
          casesService.update(
            db,
            actor,
            checked(IdParams, { id }, 'case').id,
            checked(CaseUpdate, { version, ...change }, 'case change'),
          ),
      };
      return session;
    },
  };
}
