export { notificationRoutes } from './routes.js';
export { remind, remindAll, type Reminder } from './remind.js';
export { countUnread, listNotifications, markAllRead, markRead } from './repository.js';
