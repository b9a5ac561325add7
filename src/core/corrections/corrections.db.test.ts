import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacts, snapshotBooks } from '../../../test/helpers/books-snapshot.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  createReturn,
  createStockCount,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
  sumSales,
  sumSoldQtyByProduct,
} from '../consignment/index.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { recordPayment } from '../settlement/index.ts';
import { markSubsidyPaid, runMonthlySubsidy } from '../subsidy/index.ts';
import { newId } from '../shared/ids.ts';
import { previewReversal, reverseDocument, type ReversibleDocType } from './index.ts';

for (const engine of ENGINES) {
  describe(`reversing each kind of document on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let admin: { userId: string; memberships: { orgId: string; role: string }[] };
    const tx = <T>(fn: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    const reverse = (
      docType: ReversibleDocType,
      docId: string,
      id = newId(),
      reason = 'Salah input',
    ) => tx((db) => reverseDocument(db, n.ctx, admin, { id, docType, docId, reason }));
    /** Posts X, reverses it, and expects every balance as before X. */
    const postAndReverse = async (docType: ReversibleDocType, post: () => Promise<string>) => {
      const before = await snapshotBooks(t.db);
      const docId = await post();
      expect(await snapshotBooks(t.db)).not.toEqual(before);
      const r = await reverse(docType, docId);
      expect(r).toMatchObject({ docType, docId, date: '2026-03-10', created: true });
      expect(await snapshotBooks(t.db)).toEqual(before);
      return docId;
    };
    const receiveGoods = () =>
      tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          lines: [
            { productId: n.gula1.id, qty: 100, unitCost: 15_000 },
            { productId: n.minyak.id, qty: 40, unitCost: 13_000 },
          ],
        }),
      );
    const deliver = async (qty: number) => {
      const d = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopA.id,
          lines: [{ productId: n.gula1.id, qty }],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id));
      return d.id;
    };
    const sale = (qty: number) => ({
      id: newId(),
      occurredAt: '2026-03-10T02:00:00Z',
      paymentMethod: 'cash' as const,
      lines: [{ productId: n.gula1.id, qty, unitPrice: 17_500 }],
    });

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      admin = { userId: 'test-admin', memberships: [{ orgId: n.hub.id, role: 'hub_admin' }] };
    });
    afterAll(async () => {
      const report = await verifyDatabase(t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await t.close();
    });

    it('goods receipt: the stock and the payable to the supplier as before it', async () => {
      await postAndReverse('goods_receipt', async () => (await receiveGoods()).id);
      await receiveGoods();
    });

    it('delivery receipt: the goods back in transit, the hub’s books as before it', async () => {
      const doId = await deliver(30);
      await postAndReverse('delivery_receipt', async () => {
        await tx((db) =>
          receiveDeliveryOrder(db, n.ctx, doId, {
            lines: [{ productId: n.gula1.id, qtyReceived: 28 }],
          }),
        );
        return doId;
      });
      const next = await deliver(60);
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, next, {
          lines: [{ productId: n.gula1.id, qtyReceived: 60 }],
        }),
      );
    });

    it('sale: each sale of a sync batch reversed on its own share; both → the books before the batch', async () => {
      const before = await snapshotBooks(t.db);
      const sold = () =>
        Promise.all([
          sumSales(t.db, n.coopA.id, '2026-03-01', '2026-03-31'),
          sumSoldQtyByProduct(t.db, n.coopA.id, '2026-03-01', '2026-03-31'),
        ]);
      const soldBefore = await sold();
      const s1 = sale(3);
      const s2 = { ...sale(2), paymentMethod: 'qris' as const };
      await tx((db) => recordSales(db, n.ctx, n.coopA.id, [s1, s2]));
      const preview = await previewReversal(t.db, n.clock, admin, 'sale', s1.id);
      expect(preview).toMatchObject({ reversible: true, stock: [{ quantity: 3 }] });
      expect(preview.journal.filter((l) => l.orgId === n.coopA.id)).toEqual([
        expect.objectContaining({ accountCode: '1101', debit: 0, credit: 52_500 }),
        expect.objectContaining({ accountCode: '2101', debit: 48_000, credit: 0 }),
        expect.objectContaining({ accountCode: '4101', debit: 4_500, credit: 0 }),
      ]);
      await reverse('sale', s1.id);
      expect((await verifyDatabase(t.db)).ok).toBe(true);
      await reverse('sale', s2.id);
      expect(await snapshotBooks(t.db)).toEqual(before);
      // The dashboard's sums and the delivery suggestions no longer count them.
      expect(await sold()).toEqual(soldBefore);
    });

    it('return: the goods back at the store, the hub’s books as before it', async () => {
      await postAndReverse('return', async () => {
        const id = newId();
        await tx((db) =>
          createReturn(db, n.ctx, n.coopA.id, {
            id,
            reason: 'Kemasan rusak',
            lines: [{ productId: n.gula1.id, qty: 4 }],
          }),
        );
        return id;
      });
    });

    it('stock count with a shortage and a surplus: the charge and the stock as before it', async () => {
      await tx((db) => recordSales(db, n.ctx, n.coopA.id, [sale(2)]));
      await postAndReverse('stock_count', async () => {
        const id = newId();
        await tx((db) =>
          createStockCount(db, n.ctx, n.coopA.id, {
            id,
            countedAt: '2026-03-10T03:00:00Z',
            lines: [{ productId: n.gula1.id, qtyCounted: 50 }],
          }),
        );
        return id;
      });
    });

    it('payment: the receivable and both books’ cash as before it', async () => {
      await postAndReverse('payment', async () => {
        const id = newId();
        await tx((db) =>
          recordPayment(db, n.ctx, n.coopA.id, {
            id,
            amount: 20_000,
            method: 'transfer',
            reference: 'TRF 1',
          }),
        );
        return id;
      });
    });

    it('subsidy grant: the hub’s payable and the cooperative’s receivable as before it', async () => {
      await tx((db) =>
        recordSales(db, n.ctx, n.coopA.id, [{ ...sale(1), occurredAt: '2026-02-10T02:00:00Z' }]),
      );
      // A reversed sale is no activity: the other cooperative's only February sale was voided.
      const voided = { ...sale(1), occurredAt: '2026-02-11T02:00:00Z' };
      await tx((db) => recordSales(db, n.ctx, n.coopB.id, [voided]));
      await reverse('sale', voided.id);
      let eligibleB: boolean | undefined;
      await postAndReverse('subsidy_grant', async () => {
        const run = await tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month: '2026-02' }));
        eligibleB = run.items.find((i) => i.cooperativeId === n.coopB.id)?.eligible;
        const g = await t.db
          .selectFrom('subsidyGrant')
          .select('id')
          .where('runId', '=', run.runId)
          .where('orgId', '=', n.coopA.id)
          .executeTakeFirstOrThrow();
        return g.id;
      });
      await expect(
        tx((db) => markSubsidyPaid(db, n.ctx, n.coopA.id, { month: '2026-02', reference: 'TRF' })),
      ).rejects.toMatchObject({ code: 'InvalidState' });
      expect(eligibleB).toBe(false);
    });

    it('replay, double reversal, reversal of a reversal, a reversal that needs another first: nothing written', async () => {
      const s = sale(1);
      await tx((db) => recordSales(db, n.ctx, n.coopA.id, [s]));
      const id = newId();
      const first = await reverse('sale', s.id, id);
      const facts = await countFacts(t.db);
      expect(await reverse('sale', s.id, id)).toEqual({ ...first, created: false });
      await expect(reverse('sale', s.id, id, 'Alasan lain')).rejects.toMatchObject({
        code: 'IdempotencyConflict',
      });
      await expect(reverse('sale', s.id)).rejects.toMatchObject({ code: 'AlreadyReversed' });
      await expect(reverse('sale', id)).rejects.toMatchObject({ code: 'InvalidState' });
      await expect(reverse('payment', newId())).rejects.toMatchObject({ code: 'NotFound' });

      // The goods of this receipt went out on a delivery: that dispatch must be reversed first.
      const gr = await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Minyak',
          lines: [{ productId: n.gula50.id, qty: 5, unitCost: 700_000 }],
        }),
      );
      const d = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopB.id,
          lines: [{ productId: n.gula50.id, qty: 3 }],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id));
      const before = { facts: await countFacts(t.db), books: await snapshotBooks(t.db) };
      await expect(reverse('goods_receipt', gr.id)).rejects.toMatchObject({
        code: 'ReversalBlocked',
        details: [
          { path: '/blockedBy', message: expect.stringContaining(`delivery_dispatch ${d.id}`) },
        ],
      });
      expect(
        (await previewReversal(t.db, n.clock, admin, 'goods_receipt', gr.id)).blockedBy,
      ).toEqual([{ docType: 'delivery_dispatch', docId: d.id, number: d.number }]);
      expect({ facts: await countFacts(t.db), books: await snapshotBooks(t.db) }).toEqual(before);
      expect(facts.reversals).toBeLessThanOrEqual(before.facts.reversals);
    });
  });
}
