export { planRoutes } from './routes.js';
export { enroll } from './enroll.js';
export { PLAN_STEP_JOB } from './plan-jobs.js';
export { runPlanStep } from './step-handler.js';
export { stopPlansOnRecordWritten, stopPlansOnReply } from './plan-stops.js';
export { findPlan } from './repository.js';
