import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Units of the delivery orders of one hub warehouse by product, for the
 * orders still in `draft` (reserved) and in `dispatched` (on the way, not yet
 * received).
 */
export async function sumOpenDeliveryQtyOfWarehouse(db: Db, hubId: string, warehouseId: string) {
  const rows = await db
    .selectFrom('deliveryOrder as d')
    .innerJoin('deliveryOrderLine as l', (j) =>
      j.onRef('l.orgId', '=', 'd.orgId').onRef('l.deliveryOrderId', '=', 'd.id'),
    )
    .select(['d.status', 'l.productId', sql<number>`sum(l.qty)`.as('qty')])
    .where('d.hubId', '=', hubId)
    .where('d.warehouseId', '=', warehouseId)
    .where('d.status', 'in', ['draft', 'dispatched'])
    .groupBy(['d.status', 'l.productId'])
    .execute();
  return rows.map((r) => ({
    status: r.status as 'draft' | 'dispatched',
    productId: r.productId,
    qty: Number(r.qty),
  }));
}
