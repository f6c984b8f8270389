import {
  consoleEmailPath,
  recordFromConsolePath,
  IMPORT_RECORD_TYPES,
  type ImportRecordType,
  type ListName,
  type RecordRef,
  type RecordType,
  REPORT_NAMES,
  type ReportName,
} from '@inbox-crm/shared/client';

/** The console's pages, each at a path of its own so that any of them can be linked to. */
export type ConsoleRoute =
  | { page: 'home' }
  | { page: 'search'; query: string }
  | { page: 'record'; record: RecordRef }
  | { page: 'list'; list: RecordListName; search: string }
  | { page: 'board'; board: 'pipeline' | 'serviceQueue'; search: string }
  | { page: 'email'; id: string }
  | { page: 'tasks' }
  | { page: 'mail' }
  | { page: 'deployment' }
  | { page: 'workflow' }
  | { page: 'plans' }
  | { page: 'people' }
  | { page: 'serviceDesk' }
  | { page: 'data' }
  | { page: 'imports'; recordType: ImportRecordType | null }
  | { page: 'import'; id: string }
  | { page: 'reports'; report: ReportName; search: string }
  | { page: 'not-found' };

/** The lists with a page of their own (tasks keep their worklist page). */
export type RecordListName = Exclude<ListName, 'tasks'>;
export const RECORD_LISTS: readonly RecordListName[] = [
  'accounts',
  'contacts',
  'opportunities',
  'cases',
  'activities',
];
/** The lists whose rows are records of one type, created and restored as such. */
export type TypedListName = Exclude<RecordListName, 'activities'>;
export const RECORD_TYPE_OF_LIST: Record<TypedListName, RecordType> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity',
  cases: 'case',
};
/** A list's record type; none for tasks and activities, which are made and restored elsewhere. */
export const recordTypeOfList = (list: ListName): RecordType | null =>
  list in RECORD_TYPE_OF_LIST ? RECORD_TYPE_OF_LIST[list as TypedListName] : null;

export const CONSOLE_PATHS = {
  list: (list: ListName, search = '') => `/app/${list}${search}`,
  pipeline: '/app/pipeline',
  serviceQueue: '/app/service-queue',
  home: '/app/',
  search: '/app/search',
  tasks: '/app/tasks',
  mail: '/app/mail',
  deployment: '/app/deployment',
  workflow: '/app/workflow',
  plans: '/app/plans',
  people: '/app/people',
  serviceDesk: '/app/service-desk',
  data: '/app/data',
  imports: (recordType?: ImportRecordType) => `/app/imports${recordType ? `?type=${recordType}` : ''}`,
  import: (id: string) => `/app/imports/${id}`,
  reports: (report: ReportName = 'pipeline', search = '') => `/app/reports/${report}${search}`,
  email: consoleEmailPath,
  searchFor: (query: string) => `/app/search?q=${encodeURIComponent(query)}`,
};

/** The page a location names. */
export function routeOf(pathname: string, search: string): ConsoleRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(search).get('q');
  // Links from before the home page (/app/?q=…) still open the search.
  if (path === '/app') return query === null ? { page: 'home' } : { page: 'search', query };
  if (path === '/app/search') return { page: 'search', query: query ?? '' };
  if (path === '/app/tasks') return { page: 'tasks' };
  if (path === '/app/pipeline') return { page: 'board', board: 'pipeline', search };
  if (path === '/app/service-queue') return { page: 'board', board: 'serviceQueue', search };
  const list = RECORD_LISTS.find((name) => path === `/app/${name}`);
  if (list) return { page: 'list', list, search };
  if (path === '/app/mail') return { page: 'mail' };
  if (path === '/app/deployment') return { page: 'deployment' };
  if (path === '/app/workflow') return { page: 'workflow' };
  if (path === '/app/plans') return { page: 'plans' };
  if (path === '/app/people') return { page: 'people' };
  if (path === '/app/service-desk') return { page: 'serviceDesk' };
  if (path === '/app/data') return { page: 'data' };
  if (path === '/app/imports') {
    const type = new URLSearchParams(search).get('type');
    return { page: 'imports', recordType: IMPORT_RECORD_TYPES.find((name) => name === type) ?? null };
  }
  const anImport = /^\/app\/imports\/([0-9a-f-]{36})$/i.exec(path);
  if (anImport) return { page: 'import', id: anImport[1]!.toLowerCase() };
  if (path === '/app/reports') return { page: 'reports', report: 'pipeline', search };
  const report = REPORT_NAMES.find((name) => path === `/app/reports/${name}`);
  if (report) return { page: 'reports', report, search };
  const email = /^\/app\/emails\/([0-9a-f-]{36})$/i.exec(path);
  if (email) return { page: 'email', id: email[1]!.toLowerCase() };
  const record = recordFromConsolePath(pathname);
  return record ? { page: 'record', record } : { page: 'not-found' };
}
