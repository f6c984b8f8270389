export { meetingRoutes } from './routes.js';
export { logMeeting, meetingFor } from './service.js';
