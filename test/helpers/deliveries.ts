import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
} from '../../src/core/consignment/index.ts';
import type { Db } from '../../src/db/database.ts';
import type { TestNetwork } from './network.ts';

const tx = <T>(db: Db, fn: (db: Db) => Promise<T>) => db.transaction().execute(fn);

/** Gula 1 kg into the hub's warehouse: `qty` units at `unitCost`. */
export async function stockHub(db: Db, n: TestNetwork, qty: number, unitCost = 15_000) {
  await tx(db, (d) =>
    createGoodsReceipt(d, n.ctx, n.hub.id, {
      supplierName: 'PT Gula Nusantara',
      lines: [{ productId: n.gula1.id, qty, unitCost }],
    }),
  );
}

/**
 * A delivery order of `qty` units of gula 1 kg to cooperative A, dispatched,
 * and received with `received` units when given. Answers the order's id.
 */
export async function deliverGula(db: Db, n: TestNetwork, qty: number, received?: number) {
  const d = await tx(db, (t) =>
    createDeliveryOrder(t, n.ctx, {
      cooperativeId: n.coopA.id,
      lines: [{ productId: n.gula1.id, qty }],
    }),
  );
  await tx(db, (t) => dispatchDeliveryOrder(t, n.ctx, d.id));
  if (received !== undefined)
    await tx(db, (t) =>
      receiveDeliveryOrder(t, n.ctx, d.id, {
        lines: [{ productId: n.gula1.id, qtyReceived: received }],
      }),
    );
  return d.id;
}
