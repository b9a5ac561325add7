import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  getCooperativeBalance,
  recordSales,
} from '../src/core/consignment/index.ts';
import { verifyDatabase } from '../src/core/integrity/index.ts';
import { isDomainError } from '../src/core/shared/errors.ts';
import { newId } from '../src/core/shared/ids.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from './helpers/engines.ts';
import { buildNetwork, type TestNetwork } from './helpers/network.ts';

// Concurrency only means something where transactions really overlap: PostgreSQL
// with a connection pool. (SQLite runs one transaction at a time by design.)
const engines = ENGINES.filter((e) => e === 'postgres');

for (const engine of engines) {
  describe(`concurrent commands on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    beforeAll(async () => {
      t = await createTestDatabase(engine, { poolSize: 25 });
      n = await buildNetwork(t.db, { exposureLimit: 1_000_000 });
      await t.db.transaction().execute((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Uji',
          lines: [{ productId: n.gula1.id, qty: 1_000, unitCost: 15_000 }],
        }),
      );
    });
    afterAll(async () => {
      expect((await verifyDatabase(t.db)).checks.filter((c) => !c.ok)).toEqual([]);
      await t.close();
    });

    it('many concurrent dispatches to one cooperative never together pass its exposure limit', async () => {
      // Each order is worth 10 × Rp 16.000 = Rp 160.000; a limit of Rp 1.000.000 takes six of them.
      const orders = [];
      for (let i = 0; i < 20; i++) {
        orders.push(
          await t.db.transaction().execute((db) =>
            createDeliveryOrder(db, n.ctx, {
              cooperativeId: n.coopA.id,
              lines: [{ productId: n.gula1.id, qty: 10 }],
            }),
          ),
        );
      }
      const outcomes = await Promise.all(
        orders.map((o) =>
          t.db
            .transaction()
            .execute((db) => dispatchDeliveryOrder(db, n.ctx, o.id))
            .then(() => 'dispatched')
            .catch((e: unknown) => (isDomainError(e) ? e.code : `crash: ${(e as Error).message}`)),
        ),
      );
      expect(outcomes.filter((o) => o === 'dispatched')).toHaveLength(6);
      expect(
        outcomes.filter((o) => o !== 'dispatched').every((o) => o === 'ExposureLimitExceeded'),
      ).toBe(true);
      const balance = await getCooperativeBalance(t.db, n.clock, n.coopA.id);
      expect(balance.inTransitValue).toBe(960_000);
      expect(balance.exposure).toBeLessThanOrEqual(balance.exposureLimit);
    });

    it('concurrent replays of one sale id make one sale', async () => {
      const sale = {
        id: newId(),
        occurredAt: '2026-03-10T02:00:00Z',
        paymentMethod: 'cash' as const,
        lines: [{ productId: n.gula1.id, qty: 2, unitPrice: 17_500 }],
      };
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          t.db.transaction().execute((db) => recordSales(db, n.ctx, n.coopB.id, [sale])),
        ),
      );
      const statuses = results.map((r) => r[0]!.status);
      expect(statuses.filter((s) => s === 'created')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(19);
      const rows = await t.db.selectFrom('sale').select('id').where('id', '=', sale.id).execute();
      expect(rows).toHaveLength(1);
      const { postingId } = await t.db
        .selectFrom('sale')
        .select('postingId')
        .where('id', '=', sale.id)
        .executeTakeFirstOrThrow();
      const entries = await t.db
        .selectFrom('journalEntry')
        .select('orgId')
        .where('docType', '=', 'sales_batch')
        .where('docId', '=', postingId!)
        .execute();
      expect(entries).toHaveLength(2);
      // The 19 replays posted nothing.
      const all = await t.db
        .selectFrom('journalEntry')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('orgId', '=', n.coopB.id)
        .where('docType', '=', 'sales_batch')
        .executeTakeFirstOrThrow();
      expect(Number(all.n)).toBe(1);
    });
  });
}

if (engines.length === 0) {
  describe('concurrent commands', () => {
    it.skip('need PostgreSQL (npm test starts it when the server binaries are installed)', () => {});
  });
}
