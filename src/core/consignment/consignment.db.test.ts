import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import {
  buildNetwork,
  journalOf,
  journalOfSale,
  stockQty,
  type TestNetwork,
} from '../../../test/helpers/network.ts';
import { findLocationsOfOrgs } from '../inventory/index.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { newId } from '../shared/ids.ts';
import {
  cancelDeliveryOrder,
  createDeliveryOrder,
  createGoodsReceipt,
  createReturn,
  createStockCount,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from './index.ts';

for (const engine of ENGINES) {
  describe(`consignment documents on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let loc: Record<string, string>;
    const sale1 = newId();
    let doId = '';

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      const locs = await findLocationsOfOrgs(t.db, [n.hub.id, n.coopA.id]);
      const find = (orgId: string, kind: string) =>
        locs.find((l) => l.orgId === orgId && l.kind === kind)!.id;
      loc = {
        warehouse: find(n.hub.id, 'warehouse'),
        store: find(n.coopA.id, 'store'),
        transit: find(n.coopA.id, 'transit'),
      };
    });
    afterAll(async () => {
      const report = await verifyDatabase(t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await t.close();
    });
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);

    it('goods receipt: stock in at cost, moving average, Dr Persediaan Gudang / Cr Utang Usaha', async () => {
      const gr = await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          id: newId(),
          supplierName: 'PT Gula Nusantara',
          date: '2026-03-01',
          lines: [
            { productId: n.gula1.id, qty: 100, unitCost: 15_000 },
            { productId: n.gula50.id, qty: 10, unitCost: 740_000 },
          ],
        }),
      );
      expect(gr.totalCost).toBe(8_900_000);
      expect(await journalOf(t.db, n.hub.id, 'goods_receipt', gr.id)).toEqual([
        { account: '1301', cp: undefined, debit: 8_900_000, credit: 0, date: '2026-03-01' },
        { account: '2101', cp: undefined, debit: 0, credit: 8_900_000, date: '2026-03-01' },
      ]);
      await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          lines: [{ productId: n.gula1.id, qty: 100, unitCost: 15_400 }],
        }),
      );
      expect(await stockQty(t.db, loc.warehouse!, n.gula1.id)).toEqual({
        qty: 200,
        value: 3_040_000,
      });
      const p = await t.db
        .selectFrom('product')
        .select('lastUnitCost')
        .where('id', '=', n.gula1.id)
        .executeTakeFirstOrThrow();
      expect(p.lastUnitCost).toBe(15_200);
    });

    it('goods receipt replay returns the first result; other content is a conflict', async () => {
      const id = newId();
      const input = {
        id,
        supplierName: 'PT A',
        lines: [{ productId: n.minyak.id, qty: 10, unitCost: 13_000 }],
      };
      const first = await tx((db) => createGoodsReceipt(db, n.ctx, n.hub.id, input));
      const again = await tx((db) => createGoodsReceipt(db, n.ctx, n.hub.id, input));
      expect(again).toEqual({ ...first, created: false });
      await expect(
        tx((db) => createGoodsReceipt(db, n.ctx, n.hub.id, { ...input, supplierName: 'PT B' })),
      ).rejects.toMatchObject({ code: 'IdempotencyConflict' });
      expect((await stockQty(t.db, loc.warehouse!, n.minyak.id)).qty).toBe(10);
    });

    it('delivery order: draft valued at consignment price, dispatch moves stock to transit at average cost', async () => {
      const d = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopA.id,
          lines: [
            { productId: n.gula1.id, qty: 50 },
            { productId: n.gula50.id, qty: 2 },
          ],
        }),
      );
      doId = d.id;
      expect(d).toMatchObject({ status: 'draft', value: 50 * 16_000 + 2 * 800_000 });
      expect(await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id))).toEqual({
        id: d.id,
        status: 'dispatched',
      });
      expect(await stockQty(t.db, loc.transit!, n.gula1.id)).toEqual({ qty: 50, value: 760_000 });
      expect(await stockQty(t.db, loc.warehouse!, n.gula1.id)).toEqual({
        qty: 150,
        value: 2_280_000,
      });
      expect(await journalOf(t.db, n.hub.id, 'delivery_dispatch', d.id)).toEqual([
        { account: '1302', cp: n.coopA.id, debit: 2_240_000, credit: 0, date: '2026-03-10' },
        { account: '1301', cp: undefined, debit: 0, credit: 2_240_000, date: '2026-03-10' },
      ]);
      await expect(tx((db) => cancelDeliveryOrder(db, n.ctx, d.id))).rejects.toMatchObject({
        code: 'InvalidState',
      });
    });

    it('only drafts can be cancelled, and a cancelled order cannot be dispatched', async () => {
      const d = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopA.id,
          lines: [{ productId: n.gula1.id, qty: 1 }],
        }),
      );
      expect(await tx((db) => cancelDeliveryOrder(db, n.ctx, d.id))).toEqual({
        id: d.id,
        status: 'cancelled',
      });
      await expect(tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id))).rejects.toMatchObject({
        code: 'InvalidState',
      });
    });

    it('receipt with a shortage: the short units are the hub’s loss, at the dispatched value', async () => {
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, doId, {
          lines: [
            { productId: n.gula1.id, qtyReceived: 48 },
            { productId: n.gula50.id, qtyReceived: 2 },
          ],
        }),
      );
      expect(await stockQty(t.db, loc.store!, n.gula1.id)).toEqual({ qty: 48, value: 729_600 });
      expect(await stockQty(t.db, loc.transit!, n.gula1.id)).toEqual({ qty: 0, value: 0 });
      expect(await journalOf(t.db, n.hub.id, 'delivery_receipt', doId)).toEqual([
        { account: '1303', cp: n.coopA.id, debit: 2_209_600, credit: 0, date: '2026-03-10' },
        { account: '5201', cp: n.coopA.id, debit: 30_400, credit: 0, date: '2026-03-10' },
        { account: '1302', cp: n.coopA.id, debit: 0, credit: 2_240_000, date: '2026-03-10' },
      ]);
      expect(await journalOf(t.db, n.coopA.id, 'delivery_receipt', doId)).toEqual([]);
    });

    it('a sale posts in both books; a replay is a duplicate; other content is a conflict; above ceiling is refused', async () => {
      const s = {
        id: sale1,
        occurredAt: '2026-03-10T02:00:00Z',
        paymentMethod: 'cash' as const,
        lines: [{ productId: n.gula1.id, qty: 3, unitPrice: 17_500 }],
      };
      const above = {
        id: newId(),
        occurredAt: '2026-03-10T02:00:00Z',
        paymentMethod: 'cash' as const,
        lines: [{ productId: n.gula1.id, qty: 1, unitPrice: 17_600 }],
      };
      const res = await tx((db) => recordSales(db, n.ctx, n.coopA.id, [s, above]));
      expect(res[0]).toEqual({ id: sale1, status: 'created' });
      expect(res[1]).toMatchObject({ status: 'rejected', code: 'PriceAboveCeiling' });
      expect(await journalOfSale(t.db, n.coopA.id, sale1)).toEqual([
        { account: '1101', cp: undefined, debit: 52_500, credit: 0, date: '2026-03-10' },
        { account: '2101', cp: n.hub.id, debit: 0, credit: 48_000, date: '2026-03-10' },
        { account: '4101', cp: undefined, debit: 0, credit: 4_500, date: '2026-03-10' },
      ]);
      expect(await journalOfSale(t.db, n.hub.id, sale1)).toEqual([
        { account: '1201', cp: n.coopA.id, debit: 48_000, credit: 0, date: '2026-03-10' },
        { account: '4101', cp: n.coopA.id, debit: 0, credit: 48_000, date: '2026-03-10' },
        { account: '5101', cp: n.coopA.id, debit: 45_600, credit: 0, date: '2026-03-10' },
        { account: '1303', cp: n.coopA.id, debit: 0, credit: 45_600, date: '2026-03-10' },
      ]);
      const replay = await tx((db) => recordSales(db, n.ctx, n.coopA.id, [s]));
      expect(replay[0]).toEqual({ id: sale1, status: 'duplicate' });
      const conflict = await tx((db) =>
        recordSales(db, n.ctx, n.coopA.id, [{ ...s, lines: [{ ...s.lines[0]!, qty: 4 }] }]),
      );
      expect(conflict[0]).toMatchObject({ status: 'rejected', code: 'IdempotencyConflict' });
      expect(await stockQty(t.db, loc.store!, n.gula1.id)).toEqual({ qty: 45, value: 684_000 });
    });

    it('a sale beyond recorded stock is accepted and raises a discrepancy; a payroll sale is a receivable', async () => {
      const id = newId();
      const res = await tx((db) =>
        recordSales(db, n.ctx, n.coopA.id, [
          {
            id,
            occurredAt: '2026-03-10T03:00:00Z',
            paymentMethod: 'payroll',
            lines: [{ productId: n.gula1.id, qty: 50, unitPrice: 17_000 }],
          },
        ]),
      );
      expect(res[0]!.status).toBe('created');
      expect(await stockQty(t.db, loc.store!, n.gula1.id)).toEqual({ qty: -5, value: -76_000 });
      const open = await t.db
        .selectFrom('stockDiscrepancy')
        .selectAll()
        .where('orgId', '=', n.coopA.id)
        .execute();
      expect(open).toMatchObject([
        { productId: n.gula1.id, recordedQty: -5, resolvedByCountId: null },
      ]);
      expect((await journalOfSale(t.db, n.coopA.id, id))[0]).toMatchObject({
        account: '1202',
        debit: 850_000,
      });
    });

    it('stock count: shortage charged at consignment price, surplus free, discrepancy resolved', async () => {
      const id = newId();
      const res = await tx((db) =>
        createStockCount(db, n.ctx, n.coopA.id, {
          id,
          countedAt: '2026-03-10T03:00:00Z',
          lines: [
            { productId: n.gula1.id, qtyCounted: 0 },
            { productId: n.gula50.id, qtyCounted: 1 },
          ],
        }),
      );
      expect(res.lines).toEqual([
        { productId: n.gula1.id, expected: -5, counted: 0, variance: 5, chargeAmount: 0 },
        { productId: n.gula50.id, expected: 2, counted: 1, variance: -1, chargeAmount: 800_000 },
      ]);
      expect(await journalOf(t.db, n.coopA.id, 'stock_count', id)).toEqual([
        { account: '5201', cp: undefined, debit: 800_000, credit: 0, date: '2026-03-10' },
        { account: '2101', cp: n.hub.id, debit: 0, credit: 800_000, date: '2026-03-10' },
      ]);
      expect(await journalOf(t.db, n.hub.id, 'stock_count', id)).toEqual([
        { account: '1201', cp: n.coopA.id, debit: 800_000, credit: 0, date: '2026-03-10' },
        { account: '4101', cp: n.coopA.id, debit: 0, credit: 800_000, date: '2026-03-10' },
        { account: '5101', cp: n.coopA.id, debit: 740_000, credit: 0, date: '2026-03-10' },
        { account: '1303', cp: n.coopA.id, debit: 0, credit: 740_000, date: '2026-03-10' },
        { account: '1303', cp: n.coopA.id, debit: 76_000, credit: 0, date: '2026-03-10' },
        { account: '5201', cp: n.coopA.id, debit: 0, credit: 76_000, date: '2026-03-10' },
      ]);
      expect(await stockQty(t.db, loc.store!, n.gula1.id)).toEqual({ qty: 0, value: 0 });
      const open = await t.db
        .selectFrom('stockDiscrepancy')
        .selectAll()
        .where('resolvedByCountId', 'is', null)
        .execute();
      expect(open).toEqual([]);
      const replay = await tx((db) =>
        createStockCount(db, n.ctx, n.coopA.id, {
          id,
          countedAt: '2026-03-10T03:00:00Z',
          lines: [
            { productId: n.gula1.id, qtyCounted: 0 },
            { productId: n.gula50.id, qtyCounted: 1 },
          ],
        }),
      );
      expect(replay.created).toBe(false);
      expect(replay.lines).toEqual(res.lines);
    });

    it('return: store → warehouse at cost; cannot return more than the store holds', async () => {
      const id = newId();
      await expect(
        tx((db) =>
          createReturn(db, n.ctx, n.coopA.id, {
            id,
            reason: 'Karung rusak',
            lines: [{ productId: n.gula50.id, qty: 2 }],
          }),
        ),
      ).rejects.toMatchObject({
        code: 'InsufficientStock',
      });
      await tx((db) =>
        createReturn(db, n.ctx, n.coopA.id, {
          id,
          reason: 'Karung rusak',
          lines: [{ productId: n.gula50.id, qty: 1 }],
        }),
      );
      expect(await journalOf(t.db, n.hub.id, 'return', id)).toEqual([
        { account: '1301', cp: undefined, debit: 740_000, credit: 0, date: '2026-03-10' },
        { account: '1303', cp: n.coopA.id, debit: 0, credit: 740_000, date: '2026-03-10' },
      ]);
      expect(await stockQty(t.db, loc.warehouse!, n.gula50.id)).toEqual({
        qty: 9,
        value: 6_660_000,
      });
    });

    it('documents accept a past business date but never a future one', async () => {
      await expect(
        tx((db) =>
          createGoodsReceipt(db, n.ctx, n.hub.id, {
            date: '2026-03-11',
            supplierName: 'X',
            lines: [{ productId: n.gula1.id, qty: 1, unitCost: 1 }],
          }),
        ),
      ).rejects.toMatchObject({ code: 'DateInFuture' });
    });

    it('dispatch refuses what the warehouse does not hold', async () => {
      const d = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopB.id,
          lines: [{ productId: n.minyak.id, qty: 11 }],
        }),
      );
      await expect(tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id))).rejects.toMatchObject({
        code: 'InsufficientStock',
      });
      expect(
        (
          await t.db
            .selectFrom('deliveryOrder')
            .select('status')
            .where('id', '=', d.id)
            .executeTakeFirstOrThrow()
        ).status,
      ).toBe('draft');
    });

    it('a batch posts one summary entry per business date in each book, traced by every sale to it', async () => {
      const sale = (
        occurredAt: string,
        paymentMethod: 'cash' | 'qris' | 'payroll',
        qty: number,
        unitPrice: number,
      ) => ({
        id: newId(),
        occurredAt,
        paymentMethod,
        lines: [{ productId: n.gula1.id, qty, unitPrice }],
      });
      const batch = [
        sale('2026-03-09T02:00:00Z', 'cash', 2, 17_500),
        sale('2026-03-10T01:00:00Z', 'qris', 1, 17_500),
        // Sold below the consignment price: a negative commission, netted in the summary.
        sale('2026-03-10T02:00:00Z', 'cash', 1, 15_000),
        sale('2026-03-10T02:30:00Z', 'payroll', 1, 17_000),
      ];
      const res = await tx((db) => recordSales(db, n.ctx, n.coopA.id, batch));
      expect(res.map((r) => r.status)).toEqual(['created', 'created', 'created', 'created']);
      const rows = await t.db
        .selectFrom('sale')
        .select(['id', 'saleDate', 'postingId'])
        .where(
          'id',
          'in',
          batch.map((s) => s.id),
        )
        .execute();
      const postingOf = (date: string) => [
        ...new Set(rows.filter((r) => r.saleDate === date).map((r) => r.postingId)),
      ];
      expect(postingOf('2026-03-09')).toHaveLength(1);
      expect(postingOf('2026-03-10')).toHaveLength(1);
      const [p9, p10] = [postingOf('2026-03-09')[0]!, postingOf('2026-03-10')[0]!];
      expect(p9).not.toBe(p10);
      const cost = async (postingId: string) =>
        Number(
          (
            await t.db
              .selectFrom('saleLine as l')
              .innerJoin('sale as s', (j) =>
                j.onRef('s.orgId', '=', 'l.orgId').onRef('s.id', '=', 'l.saleId'),
              )
              .select((e) => e.fn.sum<number>('l.costValue').as('c'))
              .where('s.postingId', '=', postingId)
              .executeTakeFirstOrThrow()
          ).c,
        );
      expect(await journalOf(t.db, n.coopA.id, 'sales_batch', p9)).toEqual([
        { account: '1101', cp: undefined, debit: 35_000, credit: 0, date: '2026-03-09' },
        { account: '2101', cp: n.hub.id, debit: 0, credit: 32_000, date: '2026-03-09' },
        { account: '4101', cp: undefined, debit: 0, credit: 3_000, date: '2026-03-09' },
      ]);
      expect(await journalOf(t.db, n.coopA.id, 'sales_batch', p10)).toEqual([
        { account: '1101', cp: undefined, debit: 15_000, credit: 0, date: '2026-03-10' },
        { account: '1102', cp: undefined, debit: 17_500, credit: 0, date: '2026-03-10' },
        { account: '1202', cp: undefined, debit: 17_000, credit: 0, date: '2026-03-10' },
        { account: '2101', cp: n.hub.id, debit: 0, credit: 48_000, date: '2026-03-10' },
        { account: '4101', cp: undefined, debit: 0, credit: 1_500, date: '2026-03-10' },
      ]);
      const c10 = await cost(p10);
      expect(c10).toBeGreaterThan(0);
      // One stock move per product and posting; its lines' costs add up to its value.
      expect(
        await t.db
          .selectFrom('stockMove')
          .select(['productId', 'qty', 'value', 'fromLocationId', 'toLocationId', 'moveDate'])
          .where('orgId', '=', n.coopA.id)
          .where('docType', '=', 'sales_batch')
          .where('docId', '=', p10)
          .execute(),
      ).toEqual([
        {
          productId: n.gula1.id,
          qty: 3,
          value: c10,
          fromLocationId: loc.store,
          toLocationId: expect.any(String),
          moveDate: '2026-03-10',
        },
      ]);
      expect(await journalOf(t.db, n.hub.id, 'sales_batch', p10)).toEqual([
        { account: '1201', cp: n.coopA.id, debit: 48_000, credit: 0, date: '2026-03-10' },
        { account: '4101', cp: n.coopA.id, debit: 0, credit: 48_000, date: '2026-03-10' },
        { account: '5101', cp: n.coopA.id, debit: c10, credit: 0, date: '2026-03-10' },
        { account: '1303', cp: n.coopA.id, debit: 0, credit: c10, date: '2026-03-10' },
      ]);
      const memo = await t.db
        .selectFrom('journalEntry')
        .select('memo')
        .where('orgId', '=', n.hub.id)
        .where('docId', '=', p10)
        .executeTakeFirstOrThrow();
      expect(memo.memo).toBe('Penjualan konsinyasi KDKMP Simpang IV Sipin (3 penjualan)');
      // A replay of the whole batch posts nothing more.
      const replay = await tx((db) => recordSales(db, n.ctx, n.coopA.id, batch));
      expect(replay.map((r) => r.status)).toEqual([
        'duplicate',
        'duplicate',
        'duplicate',
        'duplicate',
      ]);
      expect(await journalOf(t.db, n.coopA.id, 'sales_batch', p10)).toHaveLength(5);
    });
  });
}
