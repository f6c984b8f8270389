export { notificationRoutes } from './routes.js';
export { remind, remindAll, type Reminder } from './remind.js';
export { markAllMineRead, markMineRead, myNotifications, myUnreadCount } from './service.js';
