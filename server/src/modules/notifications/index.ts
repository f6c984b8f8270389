export { notificationRoutes } from './routes.js';
export { remind, remindAll } from './remind.js';
export { markAllMineRead, markMineRead, myNotifications, myUnreadCount } from './service.js';
