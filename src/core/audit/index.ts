export { recordAuditEvent, findAuditEvents } from './audit.repository.ts';
export type { AuditEventTable } from './audit.table.ts';
