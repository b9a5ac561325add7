import { insertMany } from '../../db/batch.ts';
import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import type { AuditEventTable } from './audit.table.ts';

export interface AuditEventInput {
  orgId: string;
  action: string;
  targetType: string;
  targetId: string;
  detail: unknown;
}

/** The row of an audit event: who (the context's actor), when (its clock), from where. */
export function auditEventRow(ctx: CommandContext, event: AuditEventInput): AuditEventTable {
  return {
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
}

/** Appends an audit event in the caller's transaction. */
export async function recordAuditEvent(
  db: Db,
  ctx: CommandContext,
  event: AuditEventInput,
): Promise<void> {
  await db.insertInto('auditEvent').values(auditEventRow(ctx, event)).execute();
}

/** Appends many audit events at once (multi-row inserts). */
export async function insertAuditEvents(db: Db, rows: AuditEventTable[]): Promise<void> {
  await insertMany(db, 'auditEvent', rows);
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

export interface AuditFilter {
  orgIds: string[];
  /** And the networks of these hubs: the hubs and the cooperatives taking part with them (a subquery, not a list). */
  networksOf?: string[];
  action?: string;
  targetType?: string;
  actorUserId?: string;
  /** Instants (ISO 8601): from inclusive, to exclusive. */
  fromAt?: string;
  toAt?: string;
  /** Cursor: the last (at, id) of the previous page; newest first. */
  before?: { at: string; id: string };
  limit: number;
}

/** A page of the audit trail, newest first, with the filters the audit screen offers. */
export async function findAuditEventsPage(db: Db, f: AuditFilter) {
  const hubIds = f.networksOf ?? [];
  if (f.orgIds.length === 0 && hubIds.length === 0) return [];
  let q = db
    .selectFrom('auditEvent')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(f.orgIds.length ? [eb('orgId', 'in', f.orgIds)] : []),
        ...(hubIds.length
          ? [
              eb('orgId', 'in', hubIds),
              eb(
                'orgId',
                'in',
                eb
                  .selectFrom('participation')
                  .select('participation.orgId')
                  .where('participation.hubId', 'in', hubIds),
              ),
            ]
          : []),
      ]),
    );
  if (f.action) q = q.where('action', '=', f.action);
  if (f.targetType) q = q.where('targetType', '=', f.targetType);
  if (f.actorUserId) q = q.where('actorUserId', '=', f.actorUserId);
  if (f.fromAt) q = q.where('at', '>=', f.fromAt);
  if (f.toAt) q = q.where('at', '<', f.toAt);
  const before = f.before;
  if (before)
    q = q.where((eb) =>
      eb.or([
        eb('at', '<', before.at),
        eb.and([eb('at', '=', before.at), eb('id', '<', before.id)]),
      ]),
    );
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}
