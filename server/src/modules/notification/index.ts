/** The notification module's surface (docs/architecture.md, the module pattern). */
export { sweepNotifications } from './notification.service.js';
