/** The notification module's surface (docs/architecture.md, the module pattern). */
export { Notification } from './notification.entity.js';
export { sweepNotifications, tell, type Deadline, type DeadlineSource, type Message } from './notification.service.js';
