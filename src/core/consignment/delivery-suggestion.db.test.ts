import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import { newId } from '../shared/ids.ts';
import {
  checkDispatch,
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
  suggestDeliveryQuantities,
} from './index.ts';

for (const engine of ENGINES) {
  describe(`delivery suggestion and dispatch check on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    const sale = (date: string, productId: string, qty: number, unitPrice: number) => ({
      id: newId(),
      occurredAt: `${date}T03:00:00Z`,
      paymentMethod: 'cash' as const,
      lines: [{ productId, qty, unitPrice }],
    });

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db, { exposureLimit: 5_000_000 });
      await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          date: '2026-02-01',
          lines: [
            { productId: n.gula1.id, qty: 1000, unitCost: 15_000 },
            { productId: n.minyak.id, qty: 100, unitCost: 13_500 },
          ],
        }),
      );
      // 150 packs delivered and received at A on 1 February.
      const first = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopA.id,
          date: '2026-02-01',
          lines: [{ productId: n.gula1.id, qty: 150 }],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, first.id, { date: '2026-02-01' }));
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, first.id, {
          date: '2026-02-02',
          lines: [{ productId: n.gula1.id, qtyReceived: 150 }],
        }),
      );
      // Sales: one day before the 28-day window (10 Feb), its first day (11 Feb) and today.
      await tx((db) =>
        recordSales(db, n.ctx, n.coopA.id, [
          sale('2026-02-10', n.gula1.id, 50, 17_500),
          sale('2026-02-11', n.gula1.id, 40, 17_500),
          sale('2026-03-10', n.gula1.id, 30, 17_500),
          sale('2026-03-01', n.minyak.id, 3, 15_700),
        ]),
      );
      // 10 more packs on their way.
      const second = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopA.id,
          lines: [{ productId: n.gula1.id, qty: 10 }],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, second.id));
    });
    afterAll(() => t.close());

    it("suggests four weeks' sales scaled to 14 days, less stock and goods in transit, never below 0", async () => {
      const {
        items: s,
        salesWindowDays,
        coverDays,
      } = await suggestDeliveryQuantities(t.db, n.coopA.id, '2026-03-10');
      expect({ salesWindowDays, coverDays }).toEqual({ salesWindowDays: 28, coverDays: 14 });
      const gula = s.find((x) => x.productId === n.gula1.id);
      // Sold in the window 40 + 30 = 70 → 35 for 14 days; stock 150 − 120 = 30; in transit 10.
      expect(gula).toEqual({
        productId: n.gula1.id,
        sold28Days: 70,
        stock: 30,
        inTransit: 10,
        suggestedQty: 0,
        consignmentPrice: 16_000,
      });
      // Minyakita was sold past the recorded stock: 3 sold → 2 units, nothing held.
      expect(s.find((x) => x.productId === n.minyak.id)).toMatchObject({
        sold28Days: 3,
        stock: -3,
        inTransit: 0,
        suggestedQty: 2,
      });
      expect(s.find((x) => x.productId === n.gula50.id)).toMatchObject({
        sold28Days: 0,
        suggestedQty: 0,
        consignmentPrice: 800_000,
      });
      // A week later the sale of 11 Feb has left the window and more has been sold.
      await tx((db) =>
        recordSales(db, n.ctx, n.coopA.id, [sale('2026-03-10', n.gula1.id, 100, 17_500)]),
      );
      const { items: later } = await suggestDeliveryQuantities(t.db, n.coopA.id, '2026-03-11');
      // Window 12 Feb – 11 Mar: 30 + 100 = 130 → 65; stock −70 counts as none; 10 in transit.
      expect(later.find((x) => x.productId === n.gula1.id)).toMatchObject({
        sold28Days: 130,
        inTransit: 10,
        suggestedQty: 55,
      });
      // Another cooperative's sales are not A's.
      const { items: b } = await suggestDeliveryQuantities(t.db, n.coopB.id, '2026-03-10');
      expect(b.every((x) => x.sold28Days === 0 && x.suggestedQty === 0)).toBe(true);
    });

    it('the dispatch check shows what the dispatch then enforces: the limit, the stock, the override', async () => {
      // Limit 5,000,000. B holds nothing and owes nothing.
      const small = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopB.id,
          lines: [{ productId: n.gula1.id, qty: 100 }],
        }),
      );
      expect(await checkDispatch(t.db, n.clock, small.id)).toEqual({
        exposure: 0,
        orderValue: 1_600_000,
        exposureLimit: 5_000_000,
        exposureAfter: 1_600_000,
        withinLimit: true,
        onHold: false,
        overdueAmount: 0,
        stockShortfalls: [],
      });
      const big = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopB.id,
          lines: [
            { productId: n.gula1.id, qty: 300 },
            { productId: n.gula50.id, qty: 2 },
          ],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, small.id));
      const check = await checkDispatch(t.db, n.clock, big.id);
      expect(check).toEqual({
        exposure: 1_600_000,
        orderValue: 300 * 16_000 + 2 * 800_000,
        exposureLimit: 5_000_000,
        exposureAfter: 1_600_000 + 6_400_000,
        withinLimit: false,
        onHold: false,
        overdueAmount: 0,
        stockShortfalls: [{ productId: n.gula50.id, needed: 2, available: 0 }],
      });
      await expect(tx((db) => dispatchDeliveryOrder(db, n.ctx, big.id))).rejects.toMatchObject({
        code: 'InsufficientStock',
      });
      const within = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopB.id,
          lines: [{ productId: n.gula1.id, qty: 300 }],
        }),
      );
      expect(await checkDispatch(t.db, n.clock, within.id)).toMatchObject({
        exposureAfter: 6_400_000,
        withinLimit: false,
        stockShortfalls: [],
      });
      await expect(tx((db) => dispatchDeliveryOrder(db, n.ctx, within.id))).rejects.toMatchObject({
        code: 'ExposureLimitExceeded',
      });
      await tx((db) =>
        dispatchDeliveryOrder(db, n.ctx, within.id, { override: { reason: 'Panen raya' } }),
      );
      await expect(checkDispatch(t.db, n.clock, within.id)).rejects.toMatchObject({
        code: 'InvalidState',
      });
    });
  });
}
