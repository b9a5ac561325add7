export {
  recordAuditEvent,
  auditEventRow,
  insertAuditEvents,
  type AuditEventInput,
  findAuditEvents,
  findAuditEventsPage,
  type AuditFilter,
} from './audit.repository.ts';
export type { AuditEventTable } from './audit.table.ts';
export { listAuditEvents, type AuditEventItem, type AuditEventQuery } from './list-audit-events.ts';
