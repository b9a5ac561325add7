import type { Db } from '../../db/database.ts';
import { findUsersOfOrganizations } from '../access/index.ts';
import { findCooperatives, findOrganizationById } from '../network/index.ts';
import { addDays } from '../shared/business-date.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { findAuditEventsPage } from './audit.repository.ts';
import type { AuditEventTable } from './audit.table.ts';

export interface AuditEventQuery {
  /** operationId of the command. */
  action?: string;
  targetType?: string;
  /** Business dates (WIB), both included. */
  from?: string;
  to?: string;
  /** nextCursor of the previous page. */
  cursor?: string;
  /** Page size, 1–500 (default 100). */
  limit?: number;
}

/** One event of the audit trail, with the names of its organization and actor. */
export interface AuditEventItem extends Omit<AuditEventTable, 'detail'> {
  orgName: string | null;
  actorName: string | null;
  actorEmail: string | null;
  detail: unknown;
}

/** The start of a WIB business date as an ISO instant (audit events store instants). */
const wibStart = (date: string) => new Date(`${date}T00:00:00+07:00`).toISOString();

/** The audit trail of a hub and the cooperatives taking part with it, newest first, a page at a time. */
export async function listAuditEvents(
  db: Db,
  hubId: string,
  query: AuditEventQuery = {},
): Promise<{ items: AuditEventItem[]; nextCursor?: string }> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
  const c = decodeCursor(query.cursor);
  // The network as a subquery: a national hub's ids would overflow the statement's parameters.
  const rows = await findAuditEventsPage(db, {
    orgIds: [],
    networksOf: [hubId],
    action: query.action,
    targetType: query.targetType,
    fromAt: query.from ? wibStart(query.from) : undefined,
    toAt: query.to ? wibStart(addDays(query.to, 1)) : undefined,
    before: c ? { at: c[0], id: c[1] } : undefined,
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (e) => [e.at, e.id]);
  const users = new Map(
    (await findUsersOfOrganizations(db, [], [hubId])).map((u) => [u.id, u] as const),
  );
  const orgNames = new Map<string, string>(
    (await findCooperatives(db, { hubIds: [hubId], limit: 1_000_000 })).map((o) => [o.id, o.name]),
  );
  const hub = await findOrganizationById(db, hubId);
  if (hub) orgNames.set(hub.id, hub.name);
  return {
    ...page,
    items: page.items.map((e) => {
      const u = e.actorUserId ? users.get(e.actorUserId) : undefined;
      return {
        ...e,
        orgName: orgNames.get(e.orgId) ?? null,
        actorName: u?.name ?? null,
        actorEmail: u?.email ?? null,
        detail: JSON.parse(e.detail) as unknown,
      };
    }),
  };
}
