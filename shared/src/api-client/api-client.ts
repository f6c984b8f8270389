import type { Activity, ActivityCreate } from '../schemas/activities.js';
import type { Case, CaseAnswer, CaseCreate, CaseListQuery, CaseUpdate } from '../schemas/cases.js';
import type { Account, AccountCreate, AccountListQuery, AccountUpdate } from '../schemas/accounts.js';
import type { ApiToken, ApiTokenCreate, ApiTokenCreated, Session } from '../schemas/auth.js';
import type { NamedRecordRef, PageOf, RecordRef, RecordType } from '../schemas/common.js';
import type { AccountSummary, Dashboard, ReportName, Reports } from '../schemas/reports.js';
import type { ConsentCreate, ConsentEntry, ContactConsents } from '../schemas/consents.js';
import type {
  ErasureRequest,
  ErasureResult,
  PersonRequest,
  SuppressionCheck,
  SuppressionList,
} from '../schemas/privacy.js';
import type { Contact, ContactCreate, ContactListQuery, ContactUpdate } from '../schemas/contacts.js';
import type {
  Import,
  ImportRecordType,
  ImportRowPage,
  ImportRowsQuery,
  ImportSettingsChange,
} from '../schemas/imports.js';
import type { ImportRun } from '../domain/import-choices.js';
import type { Email, EmailFile, FiledEmail, FiledEmailsQuery } from '../schemas/emails.js';
import type { LookupQuery, LookupRequest, LookupResult } from '../schemas/lookup.js';
import type {
  DuplicatesOf,
  MergeableType,
  MergePreviewOf,
  MergeRequestOf,
  MergeResultOf,
} from '../schemas/merge.js';
import type {
  CaseBoard,
  CaseBoardQuery,
  ListName,
  ListPageOf,
  ListViewQueries,
  ListViewRows,
  OpportunityBoard,
  OpportunityBoardQuery,
} from '../schemas/record-lists.js';
import type {
  Opportunity,
  OpportunityCreate,
  OpportunityListQuery,
  OpportunityUpdate,
} from '../schemas/opportunities.js';
import type { Organisation, OrganisationUpdate, PipelineStage } from '../schemas/organisation.js';
import type { Home } from '../schemas/home.js';
import type { LoggedMeeting, MeetingLog, MeetingStatus } from '../schemas/meetings.js';
import type { SearchGroups, SearchResult } from '../schemas/search.js';
import type { ActivitySearchQuery, ActivitySearchResult } from '../schemas/activity-search.js';
import type { Notification, NotificationListQuery } from '../schemas/notifications.js';
import type {
  EngagementPlan,
  EngagementPlanCreate,
  EnrollmentStart,
  PlanEnrollment,
  PlanRecordType,
} from '../schemas/plans.js';
import type {
  SupportMailbox,
  SupportMailboxCreate,
  SupportMailboxUpdate,
  SupportMailProblem,
} from '../schemas/support-mailboxes.js';
import type { CaseSla, SlaPolicy, SlaPolicyCreate, SlaPolicyUpdate } from '../schemas/sla.js';
import type {
  RoutingTrial,
  RoutingTrialResult,
  SupportRouting,
  SupportRoutingUpdate,
} from '../schemas/support-routing.js';
import type { Task, TaskCreate, TaskListQuery, TaskUpdate, TaskWorklistQuery } from '../schemas/tasks.js';
import type {
  Delivery,
  DeliveryListQuery,
  FailedJob,
  Webhook,
  WorkflowCatalogue,
  WorkflowRule,
  WorkflowRuleCreate,
  WorkflowRuleUpdate,
} from '../schemas/workflow.js';
import type { TimelineEntry, TimelineQuery } from '../schemas/activities.js';
import type { DeploymentInfo } from '../schemas/deployment.js';
import type { Team, TeamCreate, User, UserCreate, UserUpdate } from '../schemas/users.js';
import { ApiError } from './api-error.js';
import { queryString } from './query-string.js';
import type { SessionStore } from './session-store.js';
import { exchange, type Exchange, type Method, type Reading } from './transport.js';

export interface ApiClientOptions {
  /** The server's origin, e.g. https://crm.example.com; '' for the page's own origin. */
  baseUrl: string;
  store: SessionStore;
  fetch?: typeof fetch;
  /** Told when the session has ended for good (refresh refused) and signing in again is needed. */
  onSignedOut?: (reason: ApiError) => void;
  /**
   * Runs a renewal while no other page sharing the store renews; by default the browser's Web Locks
   * where it has them. A spent refresh token presented twice ends the session on the server, so
   * two tabs whose access tokens expire together must not both renew with the same one.
   */
  renewalLock?: <T>(renew: () => Promise<T>) => Promise<T>;
}

const RENEWAL_LOCK = 'inbox-crm.session-renewal';
const SIBLING_SAVE_WAIT_MS = 3_000;
const SIBLING_SAVE_POLL_MS = 50;

interface WebLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function webLocksRenewal<T>(renew: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: WebLocks } }).navigator?.locks;
  return locks ? locks.request(RENEWAL_LOCK, renew) : renew();
}

const RECORD_PATHS: Record<RecordType, string> = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  case: 'cases',
};

/** The record each record type answers with. */
export interface RecordOfType {
  account: Account;
  contact: Contact;
  opportunity: Opportunity;
  case: Case;
}

/** The body that creates, and the body that updates, each record type. */
export interface CreateOfType {
  account: AccountCreate;
  contact: ContactCreate;
  opportunity: OpportunityCreate;
  case: CaseCreate;
}
export interface UpdateOfType {
  account: AccountUpdate;
  contact: ContactUpdate;
  opportunity: OpportunityUpdate;
  case: CaseUpdate;
}

/** The filters each record type's list takes. */
export interface ListQueryOfType {
  account: AccountListQuery;
  contact: ContactListQuery;
  opportunity: OpportunityListQuery;
  case: CaseListQuery;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The typed client of the Inbox CRM API: the only way the add-ins' pages talk to the server.
 * It keeps the session in the given store and renews the access token once when it has expired.
 */
export function createApiClient(options: ApiClientOptions) {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const api = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
  let refreshing: Promise<Session | null> | null = null;

  const renewalLock = options.renewalLock ?? webLocksRenewal;

  async function exchangeRefreshToken(session: Session): Promise<Session> {
    // Another page sharing the store may have renewed while this one waited for the lock.
    const stored = options.store.load();
    if (stored !== null && stored.refreshToken !== session.refreshToken) return stored;
    const { data } = await exchange<Session>(
      fetchImpl,
      `${api}/auth/refresh`,
      'POST',
      { refreshToken: session.refreshToken },
      null,
    );
    options.store.save(data);
    return data;
  }

  // A sibling page renewed this session a moment ago; its save reaches this page's view of the
  // store shortly (browsers sync storage between tabs asynchronously).
  async function sessionSavedBySibling(session: Session): Promise<Session | null> {
    for (let waited = 0; waited < SIBLING_SAVE_WAIT_MS; waited += SIBLING_SAVE_POLL_MS) {
      const stored = options.store.load();
      if (stored !== null && stored.refreshToken !== session.refreshToken) return stored;
      await new Promise((resolve) => setTimeout(resolve, SIBLING_SAVE_POLL_MS));
    }
    return null;
  }

  // One renewal at a time: calls that fail together wait for the same new session.
  function renew(session: Session): Promise<Session | null> {
    refreshing ??= renewalLock(() => exchangeRefreshToken(session))
      .catch(async (error: unknown) => {
        if (error instanceof ApiError && error.code === 'session_renewed') {
          const sibling = await sessionSavedBySibling(session);
          if (sibling !== null) return sibling;
        }
        if (error instanceof ApiError && error.needsSignIn) {
          // Only the session that was refused ends; one saved since (signed in again) stays.
          if (options.store.load()?.refreshToken === session.refreshToken) options.store.clear();
          options.onSignedOut?.(error);
          return null;
        }
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function call<T>(
    method: Method,
    path: string,
    body?: unknown,
    reading: Reading = 'json',
  ): Promise<Exchange<T>> {
    const session = options.store.load();
    if (session === null) throw new ApiError(401, 'signed_out', 'Sign in to use the CRM.');
    const attempt = (accessToken: string) =>
      exchange<T>(fetchImpl, `${api}${path}`, method, body, accessToken, reading);
    try {
      return await attempt(session.accessToken);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      // A refusal of a session the store no longer holds (signed out, or renewed meanwhile) says
      // nothing about the one it holds now.
      const current = options.store.load();
      if (current === null) throw error;
      if (current.accessToken !== session.accessToken) return attempt(current.accessToken);
      const renewed = await renew(session);
      if (renewed === null) throw error;
      return attempt(renewed.accessToken);
    }
  }

  const get = async <T>(path: string) => (await call<T>('GET', path)).data;
  const send = async <T>(method: Method, path: string, body?: unknown) =>
    (await call<T>(method, path, body)).data;

  return {
    /** Signs in and keeps the session; answers the signed-in user. */
    async signIn(email: string, password: string): Promise<User> {
      const { data } = await exchange<Session>(
        fetchImpl,
        `${api}/auth/login`,
        'POST',
        { email, password },
        null,
      );
      options.store.save(data);
      return data.user;
    },
    /** Ends the session here and on the server (a server that cannot be reached is not asked). */
    async signOut(): Promise<void> {
      const session = options.store.load();
      options.store.clear();
      if (session === null) return;
      await exchange(
        fetchImpl,
        `${api}/auth/logout`,
        'POST',
        { refreshToken: session.refreshToken },
        null,
      ).catch(() => undefined);
    },
    isSignedIn: () => options.store.load() !== null,
    me: () => get<User>('/auth/me'),

    lookup: (query: LookupQuery) => get<LookupResult>(`/lookup${queryString(query)}`),
    /** The sender view of every party of a message, however many; the others brief unless asked in full. */
    lookupMessage: (request: LookupRequest) => send<LookupResult>('POST', '/lookup', request),
    search: (q: string, type?: RecordType | RecordType[]) =>
      get<SearchResult>(`/search${queryString({ q, type })}`),
    /** The console's search: each record type's best matches and how many match in all. */
    searchGroups: (q: string) => get<SearchGroups>(`/search/groups${queryString({ q })}`),
    /** Full-text search over filed email, calls, meetings and notes. */
    searchActivities: (query: ActivitySearchQuery) =>
      get<ActivitySearchResult>(`/search/activities${queryString(query)}`),
    getRecord: <T extends RecordType>(type: T, id: string) =>
      get<RecordOfType[T]>(`/${RECORD_PATHS[type]}/${id}`),
    createRecord: <T extends RecordType>(type: T, body: CreateOfType[T]) =>
      send<RecordOfType[T]>('POST', `/${RECORD_PATHS[type]}`, body),
    /** Changes the fields the body names; `version` is the one the record was read at. */
    updateRecord: <T extends RecordType>(type: T, id: string, body: UpdateOfType[T]) =>
      send<RecordOfType[T]>('PATCH', `/${RECORD_PATHS[type]}/${id}`, body),
    deleteRecord: <T extends RecordType>(type: T, id: string) =>
      send<RecordOfType[T]>('DELETE', `/${RECORD_PATHS[type]}/${id}`),
    restoreRecord: <T extends RecordType>(type: T, id: string) =>
      send<RecordOfType[T]>('POST', `/${RECORD_PATHS[type]}/${id}/restore`, {}),
    /** Contacts or accounts that may be this one entered twice, with why. */
    duplicates: <T extends MergeableType>(type: T, id: string) =>
      get<DuplicatesOf<RecordOfType[T]>>(`/${RECORD_PATHS[type]}/${id}/duplicates`),
    mergePreview: <T extends MergeableType>(type: T, id: string, duplicateId: string) =>
      get<MergePreviewOf<RecordOfType[T]>>(
        `/${RECORD_PATHS[type]}/${id}/merge-preview${queryString({ duplicateId })}`,
      ),
    /** Merges the duplicate into record `id`, which is kept. */
    mergeRecords: <T extends MergeableType>(type: T, id: string, body: MergeRequestOf<T>) =>
      send<MergeResultOf<RecordOfType[T]>>('POST', `/${RECORD_PATHS[type]}/${id}/merge`, body),
    listRecords: <T extends RecordType>(type: T, query: ListQueryOfType[T]) =>
      get<PageOf<RecordOfType[T]>>(`/${RECORD_PATHS[type]}${queryString(query)}`),
    list: <L extends ListName>(name: L, query: ListViewQueries[L]) =>
      get<ListPageOf<ListViewRows[L]>>(`/lists/${name}${queryString(query)}`),
    /** Every row of a list as the CSV file the server writes. */
    exportList: async <L extends ListName>(name: L, query: ListViewQueries[L]) =>
      (await call<Blob>('GET', `/lists/${name}.csv${queryString(query)}`, undefined, 'file')).data,
    dashboard: () => get<Dashboard>('/dashboard'),
    /** Pins these reports to my home, in order; null goes back to my role's. */
    saveDashboard: (tiles: ReportName[] | null) => send<Dashboard>('PUT', '/dashboard', { tiles }),
    /** An account's open pipeline, open cases and last touch: the pane's line of context. */
    accountSummary: (id: string) => get<AccountSummary>(`/accounts/${id}/summary`),
    report: <N extends ReportName>(name: N, query: Reports[N]['query'] = {}) =>
      get<Reports[N]['report']>(`/reports/${name}${queryString(query)}`),
    /** A report's numbers as the CSV file the server writes. */
    exportReport: async <N extends ReportName>(name: N, query: Reports[N]['query'] = {}) =>
      (await call<Blob>('GET', `/reports/${name}.csv${queryString(query)}`, undefined, 'file')).data,
    opportunityBoard: (query: OpportunityBoardQuery) =>
      get<OpportunityBoard>(`/boards/opportunities${queryString(query)}`),
    caseBoard: (query: CaseBoardQuery) => get<CaseBoard>(`/boards/cases${queryString(query)}`),
    timeline: (record: RecordRef, query: TimelineQuery = {}) =>
      get<PageOf<TimelineEntry>>(`/${RECORD_PATHS[record.type]}/${record.id}/timeline${queryString(query)}`),

    /** Files a message; `created` is false when it was filed before (its links are then added). */
    async fileEmail(body: EmailFile): Promise<{ email: Email; created: boolean }> {
      const { status, data } = await call<Email>('POST', '/emails', body);
      return { email: data, created: status === 201 };
    },
    getEmail: (id: string) => get<Email>(`/emails/${id}`),
    /** Deletes a filed email (to the trash: filing it again brings it back). */
    deleteEmail: async (id: string) => {
      await call<null>('DELETE', `/emails/${id}`);
    },
    /** One attachment's content, as the file it was (only for attachments whose content was kept). */
    downloadAttachment: async (emailId: string, position: number) =>
      (await call<Blob>('GET', `/emails/${emailId}/attachments/${position}`, undefined, 'file')).data,
    filedEmails: (query: FiledEmailsQuery = {}) => get<PageOf<FiledEmail>>(`/emails${queryString(query)}`),
    emailByMessageId: (messageId: string) =>
      get<Email>(`/emails/by-message-id/${encodeURIComponent(messageId)}`),
    unfileEmail: (emailId: string, link: RecordRef | NamedRecordRef) =>
      send<Email>('DELETE', `/emails/${emailId}/links/${link.type}/${link.id}`),

    createContact: (body: ContactCreate) => send<Contact>('POST', '/contacts', body),
    /** Everything the organisation owns as one ZIP (admins). */
    exportOrganisation: async () =>
      (await call<Blob>('GET', '/exports/organisation', undefined, 'file')).data,
    /** Forgets a person for good (admins): their contact, their mail alone, their words elsewhere. */
    erasePerson: (body: ErasureRequest) => send<ErasureResult>('POST', '/privacy/erasures', body),
    /** Everything held about a person as one ZIP (admins): a subject access request's answer. */
    subjectAccess: async (body: PersonRequest) =>
      (await call<Blob>('POST', '/privacy/access-requests', body, 'file')).data,
    /** Uploads a CSV file to import (admins and managers); nothing is imported until it is started. */
    uploadImport: (recordType: ImportRecordType, file: Blob, fileName: string) =>
      send<Import>('POST', `/imports${queryString({ recordType, fileName })}`, file),
    /** Uploads a mailbox archive (.mbox or .eml) to import. */
    uploadMailImport: (file: Blob, fileName: string) =>
      send<Import>('POST', `/imports/mail${queryString({ fileName })}`, file),
    imports: (query: { cursor?: string; limit?: number } = {}) =>
      get<PageOf<Import>>(`/imports${queryString(query)}`),
    importById: (id: string) => get<Import>(`/imports/${id}`),
    changeImport: (id: string, change: ImportSettingsChange) =>
      send<Import>('PATCH', `/imports/${id}`, change),
    /** Asks for a step: a dry run, the import itself, cancelling it or reverting it. */
    importStep: (id: string, step: 'preview' | 'start' | 'cancel' | 'revert') =>
      send<Import>('POST', `/imports/${id}/${step}`),
    importRows: (id: string, query: ImportRowsQuery) =>
      get<ImportRowPage>(`/imports/${id}/rows${queryString(query)}`),
    /** The rows a run refused, as a CSV with the reason for each. */
    importErrors: async (id: string, run: ImportRun) =>
      (await call<Blob>('GET', `/imports/${id}/errors.csv?run=${run}`, undefined, 'file')).data,
    /** The caller's API tokens (never their secrets). */
    apiTokens: () => get<{ items: ApiToken[] }>('/api-tokens'),
    /** A new token; its secret is in the answer, and only there. */
    createApiToken: (body: ApiTokenCreate) => send<ApiTokenCreated>('POST', '/api-tokens', body),
    revokeApiToken: async (id: string) => {
      await call<null>('DELETE', `/api-tokens/${id}`);
    },
    suppressions: () => get<SuppressionList>('/privacy/suppressions'),
    checkSuppression: (email: string) =>
      send<SuppressionCheck>('POST', '/privacy/suppressions/check', { email }),
    addSuppression: (email: string) => send<SuppressionCheck>('POST', '/privacy/suppressions', { email }),
    removeSuppression: (email: string) =>
      send<SuppressionCheck>('POST', '/privacy/suppressions/remove', { email }),
    /** A contact's current answer per purpose and the ledger behind them. */
    contactConsents: (contactId: string) => get<ContactConsents>(`/contacts/${contactId}/consents`),
    recordConsent: (contactId: string, body: ConsentCreate) =>
      send<ConsentEntry>('POST', `/contacts/${contactId}/consents`, body),
    createAccount: (body: AccountCreate) => send<Account>('POST', '/accounts', body),
    logActivity: (body: ActivityCreate) => send<Activity>('POST', '/activities', body),
    /** Whether a meeting occurrence is logged (and the meeting, when the caller may see it). */
    meetingStatus: (occurrenceKey: string) =>
      get<MeetingStatus>(`/meetings${queryString({ occurrenceKey })}`),
    /** Logs a meeting occurrence once; `created` is false when it was logged before. */
    logMeeting: async (body: MeetingLog): Promise<LoggedMeeting> =>
      (await call<LoggedMeeting>('POST', '/meetings', body)).data,
    listTasks: (query: TaskListQuery) => get<PageOf<Task>>(`/tasks${queryString(query)}`),
    createTask: (body: TaskCreate) => send<Task>('POST', '/tasks', body),
    getTask: (id: string) => get<Task>(`/tasks/${id}`),
    updateTask: (id: string, body: TaskUpdate) => send<Task>('PATCH', `/tasks/${id}`, body),
    createOpportunity: (body: OpportunityCreate) => send<Opportunity>('POST', '/opportunities', body),
    updateOpportunity: (id: string, body: OpportunityUpdate) =>
      send<Opportunity>('PATCH', `/opportunities/${id}`, body),
    myTasks: async (query: TaskWorklistQuery = {}) =>
      (await get<{ items: Task[] }>(`/tasks/mine${queryString(query)}`)).items,
    teamTasks: async (query: TaskWorklistQuery = {}) =>
      (await get<{ items: Task[] }>(`/tasks/team${queryString(query)}`)).items,
    completeTask: (id: string) => send<Task>('POST', `/tasks/${id}/complete`, {}),
    reopenTask: (id: string) => send<Task>('POST', `/tasks/${id}/reopen`, {}),
    pipelineStages: async () => (await get<{ items: PipelineStage[] }>('/pipeline-stages')).items,

    notifications: (query: NotificationListQuery = {}) =>
      get<PageOf<Notification>>(`/notifications${queryString(query)}`),
    unreadCount: async () => (await get<{ unread: number }>('/notifications/unread-count')).unread,
    markNotificationRead: (id: string) => send<Notification>('POST', `/notifications/${id}/read`, {}),
    markAllNotificationsRead: (upTo: string) => send<null>('POST', '/notifications/read-all', { upTo }),

    workflowCatalogue: () => get<WorkflowCatalogue>('/workflow-rules/catalogue'),
    workflowRules: async () => (await get<{ items: WorkflowRule[] }>('/workflow-rules')).items,
    createWorkflowRule: (body: WorkflowRuleCreate) => send<WorkflowRule>('POST', '/workflow-rules', body),
    updateWorkflowRule: (id: string, body: WorkflowRuleUpdate) =>
      send<WorkflowRule>('PATCH', `/workflow-rules/${id}`, body),
    deleteWorkflowRule: (id: string) => send<null>('DELETE', `/workflow-rules/${id}`),
    webhooks: async () => (await get<{ items: Webhook[] }>('/webhooks')).items,
    deliveries: (query: DeliveryListQuery = {}) => get<PageOf<Delivery>>(`/deliveries${queryString(query)}`),
    failedJobs: async () => (await get<{ items: FailedJob[] }>('/scheduled-jobs/failed')).items,
    retryJob: (id: string) => send<null>('POST', `/scheduled-jobs/${id}/retry`, {}),
    retryDelivery: (id: string) => send<Delivery>('POST', `/deliveries/${id}/retry`, {}),

    createPlan: (body: EngagementPlanCreate) => send<EngagementPlan>('POST', '/engagement-plans', body),
    deletePlan: (id: string) => send<null>('DELETE', `/engagement-plans/${id}`),
    engagementPlans: async () => (await get<{ items: EngagementPlan[] }>('/engagement-plans')).items,
    enrollments: async (recordType: PlanRecordType, recordId: string) =>
      (await get<{ items: PlanEnrollment[] }>(`/plan-enrollments${queryString({ recordType, recordId })}`))
        .items,
    startPlan: (planId: string, body: EnrollmentStart) =>
      send<PlanEnrollment>('POST', `/engagement-plans/${planId}/enrollments`, body),
    stopPlan: (enrollmentId: string) =>
      send<PlanEnrollment>('POST', `/plan-enrollments/${enrollmentId}/stop`, {}),
    users: () => get<PageOf<User>>('/users?limit=100'),
    createUser: (body: UserCreate) => send<User>('POST', '/users', body),
    updateUser: (id: string, body: UserUpdate) => send<User>('PATCH', `/users/${id}`, body),
    teams: async () => (await get<{ items: Team[] }>('/teams')).items,
    createTeam: (body: TeamCreate) => send<Team>('POST', '/teams', body),
    deployment: () => get<DeploymentInfo>('/deployment'),
    supportMailboxes: async () => (await get<{ items: SupportMailbox[] }>('/support-mailboxes')).items,
    createSupportMailbox: (body: SupportMailboxCreate) =>
      send<SupportMailbox>('POST', '/support-mailboxes', body),
    updateSupportMailbox: (id: string, body: SupportMailboxUpdate) =>
      send<SupportMailbox>('PATCH', `/support-mailboxes/${id}`, body),
    deleteSupportMailbox: (id: string) => send<null>('DELETE', `/support-mailboxes/${id}`),
    supportMailProblems: async (id: string) =>
      (await get<{ items: SupportMailProblem[] }>(`/support-mailboxes/${id}/problems`)).items,
    /** Answers the customer on a case from its support address; the answer comes back as filed. */
    answerCase: (caseId: string, body: CaseAnswer) => send<Email>('POST', `/cases/${caseId}/answers`, body),
    /** The service level clocks of up to 100 cases now. */
    caseSla: async (ids: readonly string[]) =>
      (await get<{ items: CaseSla[] }>(`/case-sla?ids=${ids.join(',')}`)).items,
    slaPolicies: async () => (await get<{ items: SlaPolicy[] }>('/sla-policies')).items,
    createSlaPolicy: (body: SlaPolicyCreate) => send<SlaPolicy>('POST', '/sla-policies', body),
    updateSlaPolicy: (id: string, body: SlaPolicyUpdate) =>
      send<SlaPolicy>('PUT', `/sla-policies/${id}`, body),
    deleteSlaPolicy: (id: string) => send<null>('DELETE', `/sla-policies/${id}`),
    supportRouting: (id: string) => get<SupportRouting>(`/support-mailboxes/${id}/routing`),
    updateSupportRouting: (id: string, body: SupportRoutingUpdate) =>
      send<SupportRouting>('PUT', `/support-mailboxes/${id}/routing`, body),
    tryRouting: (id: string, body: RoutingTrial) =>
      send<RoutingTrialResult>('POST', `/support-mailboxes/${id}/routing/trial`, body),
    organisation: () => get<Organisation>('/organisation'),
    /** Changes the organisation's settings (admins); `version` is the one they were read at. */
    updateOrganisation: (update: OrganisationUpdate) => send<Organisation>('PATCH', '/organisation', update),

    /** The caller's home page: their tasks, deals, recently viewed records and mail, and oversight by role. */
    home: () => get<Home>('/home'),
    /** Remembers that the caller opened this record's page, for "Recently viewed" on any device. */
    recordView: (record: RecordRef) =>
      send<null>('POST', '/recent-views', { type: record.type, id: record.id }),
  };
}
