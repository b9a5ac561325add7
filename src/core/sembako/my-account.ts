import type { Db } from '../../db/database.ts';
import { pickupQrPayload } from './orders.ts';
import { toOrderView } from './sembako.mappers.ts';
import type { SembakoProgramTable } from './sembako.table.ts';
import { findOrdersOfParticipant } from './sembako.repository.ts';

/** A participant's own orders, newest first; the pickup code (and its QR payload) only while it can be used. */
export async function listParticipantOrders(db: Db, program: SembakoProgramTable, nip: string) {
  const rows = await findOrdersOfParticipant(db, program.orgId, program.id, nip);
  return rows.map((o) => ({
    ...toOrderView(o),
    packageId: o.packageId,
    createdAt: o.createdAt,
    ...(o.status === 'ordered'
      ? { pickupCode: o.pickupCode, pickupQr: pickupQrPayload(program.id, o.id, o.pickupCode) }
      : {}),
  }));
}
