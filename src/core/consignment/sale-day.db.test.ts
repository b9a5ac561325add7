import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import * as saleDays from '../../db/migrations/2026_12_07_0600_sale_day_totals.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { newId } from '../shared/ids.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from './index.ts';

for (const engine of ENGINES) {
  describe(`each cooperative's sales of a day, kept with them, on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    const sale = (occurredAt: string, qty: number) => ({
      id: newId(),
      occurredAt,
      paymentMethod: 'cash' as const,
      lines: [{ productId: n.gula1.id, qty, unitPrice: 17_000 }],
    });
    const days = () =>
      t.db
        .selectFrom('saleDay')
        .select(['orgId', 'saleDate', 'sales', 'totalAmount', 'consignmentAmount'])
        .orderBy('orgId')
        .orderBy('saleDate')
        .execute();
    const failed = async () =>
      (await verifyDatabase(t.db)).checks.filter((c) => !c.ok).map((c) => c.name);

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          date: '2026-03-01',
          lines: [{ productId: n.gula1.id, qty: 100, unitCost: 15_000 }],
        }),
      );
      for (const coopId of [n.coopA.id, n.coopB.id]) {
        const d = await tx((db) =>
          createDeliveryOrder(db, n.ctx, {
            cooperativeId: coopId,
            lines: [{ productId: n.gula1.id, qty: 40 }],
          }),
        );
        await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id));
        await tx((db) =>
          receiveDeliveryOrder(db, n.ctx, d.id, {
            lines: [{ productId: n.gula1.id, qtyReceived: 40 }],
          }),
        );
      }
    });
    afterAll(async () => t.close());

    it('adds every sync of a day to its row, per cooperative, and a replay adds nothing', async () => {
      // 9 March 23:30 WIB (16:30 UTC), then two on 10 March: 00:30 WIB (still 9 March in UTC) and 10:00.
      const first = [sale('2026-03-09T16:30:00Z', 2), sale('2026-03-09T17:30:00Z', 3)];
      await tx((db) => recordSales(db, n.ctx, n.coopA.id, first));
      await tx((db) => recordSales(db, n.ctx, n.coopA.id, [sale('2026-03-10T03:00:00Z', 1)]));
      await tx((db) => recordSales(db, n.ctx, n.coopA.id, [first[0]!])); // replayed: no new sale
      await tx((db) => recordSales(db, n.ctx, n.coopB.id, [sale('2026-03-10T05:00:00Z', 4)]));
      const sums = await t.db
        .selectFrom('sale')
        .select((eb) => [
          'orgId',
          'saleDate',
          eb.fn.countAll<number>().as('sales'),
          eb.fn.sum<number>('totalAmount').as('totalAmount'),
          eb.fn.sum<number>('consignmentAmount').as('consignmentAmount'),
        ])
        .groupBy(['orgId', 'saleDate'])
        .orderBy('orgId')
        .orderBy('saleDate')
        .execute();
      const kept = await days();
      expect(kept.map((d) => [d.orgId === n.coopA.id ? 'A' : 'B', d.saleDate, d.sales])).toEqual(
        expect.arrayContaining([
          ['A', '2026-03-09', 1],
          ['A', '2026-03-10', 2],
          ['B', '2026-03-10', 1],
        ]),
      );
      expect(kept.length).toBe(3);
      expect(kept.find((d) => d.orgId === n.coopA.id && d.saleDate === '2026-03-10')).toMatchObject(
        { totalAmount: 4 * 17_000 },
      );
      expect(kept.map((d) => ({ ...d, sales: Number(d.sales) }))).toEqual(
        sums.map((s) => ({
          ...s,
          sales: Number(s.sales),
          totalAmount: Number(s.totalAmount),
          consignmentAmount: Number(s.consignmentAmount),
        })),
      );
      expect(await failed()).toEqual([]);
    });

    it('lumbung verify names a day whose kept total no longer matches its sales', async () => {
      await t.db
        .updateTable('saleDay')
        .set({ consignmentAmount: 1 })
        .where('orgId', '=', n.coopB.id)
        .execute();
      expect(await failed()).toEqual([
        "Each cooperative's daily sales totals equal the sum of its sales",
      ]);
    });

    it('the migration fills the days of sales recorded before it from the sales themselves', async () => {
      await saleDays.down(t.db);
      await saleDays.up(t.db);
      expect((await days()).length).toBe(3);
      expect(await failed()).toEqual([]);
    });
  });
}
