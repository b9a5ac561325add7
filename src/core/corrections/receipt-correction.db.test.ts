import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacts, snapshotBooks } from '../../../test/helpers/books-snapshot.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { deliverGula, stockHub } from '../../../test/helpers/deliveries.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import { findDeliveryOrderLines, recordSales } from '../consignment/index.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { newId } from '../shared/ids.ts';
import { correctDeliveryReceipt, reverseDocument } from './index.ts';

for (const engine of ENGINES) {
  describe(`correcting a delivery receipt on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let admin: { userId: string; memberships: { orgId: string; role: string }[] };
    const tx = <T>(fn: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    const correct = (orderId: string, quantity: number, id = newId()) =>
      tx((db) =>
        correctDeliveryReceipt(db, n.ctx, admin, orderId, {
          id,
          reason: 'Dihitung ulang',
          lines: [{ productId: n.gula1.id, quantity }],
        }),
      );
    const deliverAndReceive = async (qty: number, received: number) => ({
      id: await deliverGula(t.db, n, qty, received),
    });

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      admin = { userId: 'test-admin', memberships: [{ orgId: n.hub.id, role: 'hub_admin' }] };
      await stockHub(t.db, n, 100, 15_001);
    });
    afterAll(async () => {
      const report = await verifyDatabase(t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await t.close();
    });

    it('+2 found later, then −2: the books and stock exactly as receiving 9, then 7, would have', async () => {
      // What receiving 9 of 10 posts, then the same order received 7 and corrected +2.
      const { id } = await deliverAndReceive(10, 9);
      const nine = await snapshotBooks(t.db);
      await correct(id, -2);
      expect((await findDeliveryOrderLines(t.db, n.coopA.id, id))[0]).toMatchObject({
        qtyReceived: 7,
      });
      await correct(id, 2);
      expect(await snapshotBooks(t.db)).toEqual(nine);
      // Receiving 7 and finding 2 later ends where receiving 9 did (same stock, same books).
      const r = await correct(id, -2);
      const seven = await snapshotBooks(t.db);
      expect(r).toMatchObject({ deliveryOrderId: id, lines: [{ quantity: -2 }], created: true });
      expect(seven).not.toEqual(nine);
    });

    it('limits: within 0…dispatched, never more than the store holds; nothing written when refused', async () => {
      const { id } = await deliverAndReceive(5, 4);
      const facts = await countFacts(t.db);
      await expect(correct(id, 2)).rejects.toMatchObject({ code: 'InvalidState' });
      await expect(correct(id, -5)).rejects.toMatchObject({ code: 'InvalidState' });
      // The store sold everything it held: a unit found missing now is a count's business.
      const held = await t.db
        .selectFrom('stockBalance as b')
        .innerJoin('location as l', 'l.id', 'b.locationId')
        .select('b.qty')
        .where('l.orgId', '=', n.coopA.id)
        .where('l.kind', '=', 'store')
        .where('b.productId', '=', n.gula1.id)
        .executeTakeFirstOrThrow();
      await tx((db) =>
        recordSales(db, n.ctx, n.coopA.id, [
          {
            id: newId(),
            occurredAt: n.clock.now().toISOString(),
            paymentMethod: 'cash',
            lines: [{ productId: n.gula1.id, qty: held.qty, unitPrice: 17_500 }],
          },
        ]),
      );
      const afterSale = await countFacts(t.db);
      await expect(correct(id, -1)).rejects.toMatchObject({ code: 'InsufficientStock' });
      expect(await countFacts(t.db)).toEqual(afterSale);
      expect(afterSale.moves).toBeGreaterThan(facts.moves);
      await correct(id, 1);
    });

    it('replay → the first result; a corrected receipt is not reversed whole', async () => {
      const { id } = await deliverAndReceive(6, 5);
      const cid = newId();
      const first = await correct(id, 1, cid);
      expect(await correct(id, 1, cid)).toEqual({ ...first, created: false });
      await expect(correct(id, -1, cid)).rejects.toMatchObject({ code: 'IdempotencyConflict' });
      await expect(
        tx((db) =>
          reverseDocument(db, n.ctx, admin, {
            id: newId(),
            docType: 'delivery_receipt',
            docId: id,
            reason: 'Salah input',
          }),
        ),
      ).rejects.toMatchObject({ code: 'ReversalBlocked' });
    });

    it('a cashier may not correct a receipt', async () => {
      const { id } = await deliverAndReceive(2, 2);
      const cashier = { userId: 'c', memberships: [{ orgId: n.coopA.id, role: 'coop_cashier' }] };
      await expect(
        tx((db) =>
          correctDeliveryReceipt(db, n.ctx, cashier, id, {
            id: newId(),
            reason: 'Dihitung ulang',
            lines: [{ productId: n.gula1.id, quantity: -1 }],
          }),
        ),
      ).rejects.toMatchObject({ code: 'Forbidden' });
    });
  });
}
