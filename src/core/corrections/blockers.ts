import type { Db } from '../../db/database.ts';
import { findBalancesForUpdate, type LocationTable } from '../inventory/index.ts';
import {
  findDeliveryOrderNumbers,
  findLaterMovesOut,
  findProgramSponsorsOfHub,
  findReversalsOfDocuments,
  findSalesOfPosting,
  findSembakoOrdersOfSales,
} from './corrections.repository.ts';
import type { MirrorMoves } from './mirror.ts';

export interface BlockingDocument {
  docType: string;
  docId: string;
  number?: string;
}

/**
 * The mirror must take stock back out of warehouses and stores: where one
 * holds less than that now, the documents that took it out since must be
 * reversed first (a dispatch, a sale, a return).
 */
export async function findBlockers(db: Db, stock: MirrorMoves[], since: string) {
  const need = new Map<
    string,
    { from: LocationTable; productId: string; owner: string; qty: number }
  >();
  for (const b of stock)
    for (const m of b.moves) {
      if (m.from.kind !== 'warehouse' && m.from.kind !== 'store') continue;
      const k = `${m.from.id}|${m.productId}|${m.ownerOrgId}`;
      const n = need.get(k) ?? {
        from: m.from,
        productId: m.productId,
        owner: m.ownerOrgId,
        qty: 0,
      };
      n.qty += m.qty;
      need.set(k, n);
    }
  if (need.size === 0) return [];
  const held = new Map(
    (
      await findBalancesForUpdate(
        db,
        [...need.values()].map((n) => ({
          orgId: n.from.orgId,
          locationId: n.from.id,
          productId: n.productId,
          ownerOrgId: n.owner,
        })),
      )
    ).map((r) => [`${r.locationId}|${r.productId}|${r.ownerOrgId}`, r.qty]),
  );
  const out = new Map<string, BlockingDocument>();
  // A dispatch is in its order's tenant: the cooperative's.
  const dispatches: { id: string; orgId: string }[] = [];
  for (const [k, n] of need) {
    if ((held.get(k) ?? 0) >= n.qty) continue;
    for (const d of await findLaterMovesOut(db, n.from, n.productId, since)) {
      if (d.docType === 'sales_batch') {
        const sales = await findSalesOfPosting(db, n.from.orgId, d.docId, n.productId);
        const orders = await findSembakoOrdersOfSales(
          db,
          sales.map((s) => s.id),
          await findProgramSponsorsOfHub(db, n.owner),
        );
        const orderOf = new Map(orders.map((o) => [o.saleId, o.id]));
        const reversedOrders = await findReversalsOfDocuments(
          db,
          'sembako_order',
          orders.map((o) => o.id),
        );
        for (const s of sales) {
          const orderId = orderOf.get(s.id);
          if (orderId === undefined) out.set(`sale|${s.id}`, { docType: 'sale', docId: s.id });
          else if (!reversedOrders.has(orderId))
            out.set(`order|${orderId}`, { docType: 'sembako_order', docId: orderId });
        }
      } else {
        out.set(`${d.docType}|${d.docId}`, { docType: d.docType, docId: d.docId });
        if (d.docType === 'delivery_dispatch') dispatches.push({ id: d.docId, orgId: d.orgId });
      }
    }
    if (out.size === 0) out.set(`stock|${k}`, { docType: 'stock', docId: n.productId });
  }
  const numbers = await findDeliveryOrderNumbers(db, dispatches);
  return [...out.values()].map((d) => {
    const number = numbers.get(d.docId);
    return number ? { ...d, number } : d;
  });
}
