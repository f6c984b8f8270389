export { taskRoutes } from './routes.js';
export { createTaskIn, tasksService } from './service.js';
export { loadTask } from './repository.js';
export { linksOfTaskFor } from './task-links.js';
export { TASK_OVERDUE_JOB, TASK_REMINDER_JOB } from './task-schedule.js';
export { handleTaskReminder, stillDue } from './job-handlers.js';
