export interface AuditEventTable {
  orgId: string;
  id: string;
  at: string;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  /** JSON text. */
  detail: string;
  requestId: string | null;
  address: string | null;
}

export interface AuditTables {
  auditEvent: AuditEventTable;
}
