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
