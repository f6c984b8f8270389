import type {
  Case,
  CaseStatus,
  SlaClock,
  Account,
  AccountCreate,
  Activity,
  ActivityCreate,
  ActivitySearchQuery,
  ActivitySearchResult,
  Contact,
  ContactCreate,
  Email,
  EmailFile,
  LoggedMeeting,
  LookupRequest,
  LookupResult,
  MeetingLog,
  MeetingStatus,
  Notification,
  Opportunity,
  PipelineStage,
  RecordRef,
  SearchResult,
  Task,
  TaskCreate,
} from '@inbox-crm/shared';

/** A case as the message card shows it: with its clocks, and the people it may be assigned to. */
export interface CaseView {
  supportCase: Case;
  clocks: SlaClock[];
  people: { id: string; name: string }[];
}

/** What the add-on may do in the CRM, as one user of one organisation; the server implements it. */
export interface CrmSession {
  user: { id: string; name: string; email: string };
  lookup(request: LookupRequest): Promise<LookupResult>;
  search(text: string): Promise<SearchResult>;
  /** Full-text search over the correspondence the user may see. */
  searchActivities(query: ActivitySearchQuery): Promise<ActivitySearchResult>;
  /** Open tasks assigned to the user, due before the given time, soonest first. */
  tasksDueBefore(time: Date): Promise<Task[]>;
  fileEmail(body: EmailFile): Promise<{ email: Email; created: boolean }>;
  unfileEmail(emailId: string, link: RecordRef): Promise<Email>;
  /** Puts a filed email in the trash (an Undo of an automatic filing). */
  deleteEmail(emailId: string): Promise<void>;
  logActivity(body: ActivityCreate): Promise<Activity>;
  createTask(body: TaskCreate): Promise<Task>;
  createContact(body: ContactCreate): Promise<Contact>;
  /** Adds an address to a contact (after the ones it has), as of its current version. */
  addContactEmail(contactId: string, address: string): Promise<Contact>;
  createAccount(body: AccountCreate): Promise<Account>;
  /** The organisation's pipeline stages, in order. */
  pipelineStages(): Promise<PipelineStage[]>;
  getOpportunity(id: string): Promise<Opportunity>;
  /** Moves an opportunity to another stage, as of the version the form showed (a stale one is refused). */
  moveOpportunity(id: string, version: number, stageId: string): Promise<Opportunity>;
  /** Whether a meeting occurrence is logged, and the meeting when the user may see it. */
  meetingStatus(occurrenceKey: string): Promise<MeetingStatus>;
  /** Logs a meeting occurrence once for everyone on it. */
  logMeeting(body: MeetingLog): Promise<LoggedMeeting>;
  /** The user's latest notifications and how many of all are unread. */
  notifications(limit: number): Promise<{ unread: number; items: Notification[] }>;
  /** Marks read every notification up to this one (ids grow with time). */
  markNotificationsRead(upTo: string): Promise<void>;
  /** Marks one of the user's notifications read. */
  markNotificationRead(id: string): Promise<void>;
  /** A case with its service level clocks and the active people it may go to. */
  caseView(id: string): Promise<CaseView>;
  /** Changes a case's status or assignee, as of the version the card showed (a stale one is refused). */
  updateCase(
    id: string,
    version: number,
    change: { status?: CaseStatus; ownerId?: string | null },
  ): Promise<Case>;
}

/** The server's side of the add-on: a CRM session for a verified Google address. */
export interface CrmGateway {
  /** The session of the active CRM user with this address, or null when there is none. */
  sessionFor(email: string): Promise<CrmSession | null>;
}
