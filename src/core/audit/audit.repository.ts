import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import type { AuditEventTable } from './audit.table.ts';

/** Appends an audit event in the caller's transaction. */
export async function recordAuditEvent(
  db: Db,
  ctx: CommandContext,
  event: { orgId: string; action: string; targetType: string; targetId: string; detail: unknown },
): Promise<void> {
  const row: AuditEventTable = {
    orgId: event.orgId,
    id: newId(),
    at: ctx.clock.now().toISOString(),
    actorUserId: ctx.actor?.userId ?? null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    detail: JSON.stringify(event.detail ?? {}),
    requestId: ctx.requestId ?? null,
    address: ctx.address ?? null,
  };
  await db.insertInto('auditEvent').values(row).execute();
}

export async function findAuditEvents(db: Db, orgIds: string[], limit = 100) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('auditEvent')
    .selectAll()
    .where('orgId', 'in', orgIds)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
}
