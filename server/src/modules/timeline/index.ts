export { timelineRoutes } from './routes.js';
export { TIMELINE_ENTRY_COLUMNS, timelineEntry, type TimelineRow } from './timeline-entry-sql.js';
export { recordExists } from './repository.js';
