import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
} from '../../src/core/consignment/index.ts';
import type { HttpFixture } from './http.ts';

/**
 * Gula 1 kg in a cooperative's store: bought in by the hub (Rp 15.000 a pack), delivered and
 * received in full. Answers the delivery order's id.
 */
export async function consignGula(
  f: Pick<HttpFixture, 't' | 'n'>,
  coopId: string,
  qty: number,
): Promise<string> {
  const tx = <T>(fn: (db: HttpFixture['t']['db']) => Promise<T>) =>
    f.t.db.transaction().execute(fn);
  const lines = [{ productId: f.n.gula1.id, qty }];
  await tx((db) =>
    createGoodsReceipt(db, f.n.ctx, f.n.hub.id, {
      supplierName: 'PT Gula Nusantara',
      lines: lines.map((l) => ({ ...l, unitCost: 15_000 })),
    }),
  );
  const d = await tx((db) => createDeliveryOrder(db, f.n.ctx, { cooperativeId: coopId, lines }));
  await tx((db) => dispatchDeliveryOrder(db, f.n.ctx, d.id));
  await tx((db) =>
    receiveDeliveryOrder(db, f.n.ctx, d.id, {
      lines: lines.map((l) => ({ productId: l.productId, qtyReceived: l.qty })),
    }),
  );
  return d.id;
}
