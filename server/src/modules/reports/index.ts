export { reportRoutes } from './routes.js';
export { historyOnRecordWritten, historyOnStageChanged, historyOnStatusChanged } from './subscribers.js';
