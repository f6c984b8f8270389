export { workflowRoutes } from './routes.js';
export {
  queueRulesOnEmailFiled,
  queueRulesOnRecordWritten,
  queueRulesOnSlaAlert,
  RECORD_EVENT_JOB,
} from './record-events.js';
export { WORKFLOW_REMINDER_JOB } from './actions.js';
export { handleRecordEvent, handleTaskOverdue, handleWorkflowReminders } from './job-handlers.js';
export { checkCondition as checkRuleCondition } from './rule-validation.js';
