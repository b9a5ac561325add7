import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacts, snapshotBooks } from '../../../test/helpers/books-snapshot.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { deliverGula, stockHub } from '../../../test/helpers/deliveries.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import { findDeliveryOrderById, receiveDeliveryOrder, recordSales } from '../consignment/index.ts';
import { verifyDatabase } from '../integrity/index.ts';
import {
  closeSettlementPeriod,
  findStatementAdjustments,
  findStatementDocuments,
} from '../settlement/index.ts';
import { newId } from '../shared/ids.ts';
import { refundSale, reverseDocument, type RefundInput } from './index.ts';

for (const engine of ENGINES) {
  describe(`refunds and re-received deliveries on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let admin: { userId: string; memberships: { orgId: string; role: string }[] };
    const tx = <T>(fn: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    const refund = (saleId: string, input: Partial<RefundInput> & { quantity?: number }) =>
      tx((db) =>
        refundSale(db, n.ctx, admin, n.coopA.id, saleId, {
          id: input.id ?? newId(),
          reason: input.reason ?? 'Bungkus sobek',
          method: input.method ?? 'cash',
          lines: input.lines ?? [{ productId: n.gula1.id, quantity: input.quantity ?? 1 }],
        }),
      );
    const sell = async (qty: number) => {
      const s = {
        id: newId(),
        occurredAt: n.clock.now().toISOString(),
        paymentMethod: 'cash' as const,
        lines: [{ productId: n.gula1.id, qty, unitPrice: 17_500 }],
      };
      await tx((db) => recordSales(db, n.ctx, n.coopA.id, [s]));
      return s.id;
    };
    const deliver = (qty: number) => deliverGula(t.db, n, qty);
    const receive = (id: string, qtyReceived: number) =>
      tx((db) =>
        receiveDeliveryOrder(db, n.ctx, id, { lines: [{ productId: n.gula1.id, qtyReceived }] }),
      );
    const reverse = (docType: 'sale' | 'delivery_receipt', docId: string) =>
      tx((db) =>
        reverseDocument(db, n.ctx, admin, { id: newId(), docType, docId, reason: 'Salah input' }),
      );
    const net = (s: Awaited<ReturnType<typeof snapshotBooks>>, k: string) =>
      s.accounts.find((a) => a.k === k)?.net ?? 0;
    let storeId = '';
    const store = (s: Awaited<ReturnType<typeof snapshotBooks>>) =>
      s.stock.find((x) => x.k === `${storeId}|${n.gula1.id}|${n.hub.id}`) ?? { qty: 0, value: 0 };

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      admin = { userId: 'test-admin', memberships: [{ orgId: n.hub.id, role: 'hub_admin' }] };
      storeId = (
        await t.db
          .selectFrom('location')
          .select('id')
          .where('orgId', '=', n.coopA.id)
          .where('kind', '=', 'store')
          .executeTakeFirstOrThrow()
      ).id;
      await stockHub(t.db, n, 100, 15_001);
      await receive(await deliver(40), 40);
    });
    afterAll(async () => {
      const report = await verifyDatabase(t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await t.close();
    });

    it('1 of 3 units back: stock +1 at its cost, both books by exactly that share; no more than sold', async () => {
      const before = await snapshotBooks(t.db);
      const saleId = await sell(3);
      const sold = await snapshotBooks(t.db);
      const r = await refund(saleId, { quantity: 1 });
      expect(r).toMatchObject({
        saleId,
        amount: 17_500,
        date: '2026-03-10',
        lines: [{ productId: n.gula1.id, quantity: 1, amount: 17_500 }],
        created: true,
      });
      const after = await snapshotBooks(t.db);
      expect(store(after).qty).toBe(store(sold).qty + 1);
      expect(store(after).value - store(sold).value).toBe(15_001);
      const coopKas = `${n.coopA.id}|1101|`;
      expect(net(after, coopKas) - net(sold, coopKas)).toBe(-17_500);
      const owed = `${n.coopA.id}|2101|${n.hub.id}`;
      expect(net(after, owed) - net(sold, owed)).toBe(16_000);
      const receivable = `${n.hub.id}|1201|${n.coopA.id}`;
      expect(net(sold, receivable) - net(after, receivable)).toBe(16_000);

      // Beyond what is left: refused, nothing written.
      const facts = await countFacts(t.db);
      await expect(refund(saleId, { quantity: 3 })).rejects.toMatchObject({
        code: 'InvalidState',
      });
      expect(await countFacts(t.db)).toEqual(facts);
      // The rest back: the books as before the sale.
      await refund(saleId, { quantity: 2 });
      expect(await snapshotBooks(t.db)).toEqual(before);
      await expect(refund(saleId, { quantity: 1 })).rejects.toMatchObject({
        code: 'InvalidState',
      });
    });

    it('replay → the first result; the same id with other content → conflict', async () => {
      const saleId = await sell(2);
      const id = newId();
      const first = await refund(saleId, { id, quantity: 1 });
      expect(await refund(saleId, { id, quantity: 1 })).toEqual({ ...first, created: false });
      await expect(refund(saleId, { id, quantity: 2 })).rejects.toMatchObject({
        code: 'IdempotencyConflict',
      });
    });

    it('a refunded sale is not reversed whole; a reversed sale is not refunded', async () => {
      const partly = await sell(2);
      const r = await refund(partly, { quantity: 1 });
      await expect(reverse('sale', partly)).rejects.toMatchObject({
        code: 'ReversalBlocked',
        details: [{ path: '/blockedBy', message: `sale_refund ${r.id}` }],
      });
      const whole = await sell(2);
      await reverse('sale', whole);
      await expect(refund(whole, { quantity: 1 })).rejects.toMatchObject({
        code: 'AlreadyReversed',
      });
    });

    it('a cashier refunds only their own sale of today', async () => {
      const saleId = await sell(1);
      const cashier = {
        userId: 'someone',
        memberships: [{ orgId: n.coopA.id, role: 'coop_cashier' }],
      };
      await expect(
        tx((db) =>
          refundSale(db, n.ctx, cashier, n.coopA.id, saleId, {
            id: newId(),
            reason: 'Bungkus sobek',
            method: 'qris',
            lines: [{ productId: n.gula1.id, quantity: 1 }],
          }),
        ),
      ).rejects.toMatchObject({ code: 'Forbidden' });
    });

    it('a reversed receipt: the order dispatched again, received again under a new document id', async () => {
      const before = await snapshotBooks(t.db);
      const id = await deliver(10);
      const dispatched = await snapshotBooks(t.db);
      await receive(id, 9);
      await reverse('delivery_receipt', id);
      expect(await findDeliveryOrderById(t.db, id)).toMatchObject({ status: 'dispatched' });
      expect(await snapshotBooks(t.db)).toEqual(dispatched);
      await receive(id, 10);
      const order = await findDeliveryOrderById(t.db, id);
      expect(order).toMatchObject({ status: 'received' });
      expect(order!.receiptId).not.toBe(id);
      expect(store(await snapshotBooks(t.db)).qty).toBe(store(before).qty + 10);
      // Reversed again by the order's id (its current receipt), and received again.
      await reverse('delivery_receipt', id);
      expect(await snapshotBooks(t.db)).toEqual(dispatched);
      await expect(reverse('delivery_receipt', id)).rejects.toMatchObject({
        code: 'AlreadyReversed',
      });
      await receive(id, 10);
      expect((await verifyDatabase(t.db)).ok).toBe(true);
    });

    it('a refund after a closed period lands on the next statement; the chain holds', async () => {
      const saleId = await sell(4);
      /** Closes cooperative A's month on the morning after it. */
      const close = (periodEnd: string, morning: string) => {
        n.clock.set(morning);
        return tx((db) =>
          closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd, cooperativeId: n.coopA.id }),
        );
      };
      const [march] = await close('2026-03-31', '2026-04-01T03:00:00Z');
      n.clock.set('2026-04-02T03:00:00Z');
      await refund(saleId, { quantity: 1 });
      const [april] = await close('2026-04-30', '2026-05-01T03:00:00Z');
      expect(april).toMatchObject({
        openingBalance: march!.closingBalance,
        salesAmount: -16_000,
        closingBalance: march!.closingBalance - 16_000,
      });
      // The refund is traceable: an adjustment line of April's statement, in the list and the PDF's documents.
      const line = {
        reversalId: expect.any(String),
        docType: 'sale_refund',
        docId: saleId,
        date: '2026-04-02',
        reason: 'Bungkus sobek',
        amount: -16_000,
      };
      expect((await findStatementAdjustments(t.db, [april!.id])).get(april!.id)).toEqual([line]);
      const docs = await findStatementDocuments(t.db, n.coopA.id, april!.id);
      expect(docs.reversals).toMatchObject([
        { docType: 'sale_refund', docId: saleId, salesAmount: -16_000 },
      ]);
      expect((await verifyDatabase(t.db)).ok).toBe(true);
    });
  });
}
