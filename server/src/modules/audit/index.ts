/** The audit module's surface (docs/architecture.md, the module pattern). */
export { auditRawChange, bindAuditActor, ChangeAuditSubscriber, createAuditLoader, type PersonalRead } from './audit.service.js';
