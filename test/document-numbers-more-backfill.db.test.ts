import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  createReturn,
  createStockCount,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
} from '../src/core/consignment/index.ts';
import { findSequences } from '../src/core/numbering/index.ts';
import { newId } from '../src/core/shared/ids.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from './helpers/engines.ts';
import { buildNetwork, type TestNetwork } from './helpers/network.ts';

const MIGRATION = migrations['2026_12_06_1510_number_more_documents']!;
type Table = 'goodsReceipt' | 'stockReturn' | 'stockCount';

/**
 * A database whose goods receipts, returns and stock counts were written
 * before they had numbers: the migration numbers them per issuer (the hub;
 * each cooperative) and year in the order of their business date, then
 * creation, and sets the sequences so that new documents continue after them.
 */
for (const engine of ENGINES) {
  describe(`numbering the receipts, returns and counts of an existing database on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const ids: Record<string, string> = {};
    const tx = <T>(fn: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    /** A moment of entry, one second apart, so creation order is the order written here. */
    let second = 0;
    const enter = () => n.clock.set(`2026-03-10T03:00:${String(second++).padStart(2, '0')}Z`);

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      // Entered out of date order.
      for (const [key, date] of [
        ['grMarch', '2026-03-05'],
        ['grDecember', '2025-12-30'],
        ['grFebLater', '2026-02-10'],
        ['grFebEarlier', '2026-02-03'],
        ['grFebSameDay', '2026-02-10'],
      ] as const) {
        enter();
        ids[key] = (
          await tx((db) =>
            createGoodsReceipt(db, n.ctx, n.hub.id, {
              supplierName: 'PT Gula Nusantara',
              date,
              lines: [{ productId: n.gula1.id, qty: 100, unitCost: 15_000 }],
            }),
          )
        ).id;
      }
      enter();
      for (const coopId of [n.coopA.id, n.coopB.id]) {
        const order = await tx((db) =>
          createDeliveryOrder(db, n.ctx, {
            cooperativeId: coopId,
            lines: [{ productId: n.gula1.id, qty: 50 }],
          }),
        );
        await tx((db) => dispatchDeliveryOrder(db, n.ctx, order.id));
        await tx((db) =>
          receiveDeliveryOrder(db, n.ctx, order.id, {
            lines: [{ productId: n.gula1.id, qtyReceived: 50 }],
          }),
        );
      }
      for (const [key, coopId, date] of [
        ['retA8', n.coopA.id, '2026-03-08'],
        ['retB', n.coopB.id, '2026-03-09'],
        ['retA5', n.coopA.id, '2026-03-05'],
      ] as const) {
        enter();
        ids[key] = newId();
        await tx((db) =>
          createReturn(db, n.ctx, coopId, {
            id: ids[key]!,
            reason: 'Kemasan robek',
            date,
            lines: [{ productId: n.gula1.id, qty: 1 }],
          }),
        );
      }
      for (const [key, coopId, countedAt] of [
        ['countA9', n.coopA.id, '2026-03-09T02:00:00Z'],
        ['countA1', n.coopA.id, '2026-03-01T02:00:00Z'],
        ['countB', n.coopB.id, '2026-03-02T02:00:00Z'],
      ] as const) {
        enter();
        ids[key] = newId();
        await tx((db) =>
          createStockCount(db, n.ctx, coopId, {
            id: ids[key]!,
            countedAt,
            lines: [{ productId: n.gula1.id, qtyCounted: 40 }],
          }),
        );
      }
      // Back to the database before these numbers; the hub has a short code, KDKMP B too.
      await MIGRATION.down!(t.db);
      await t.db
        .updateTable('organization')
        .set({ shortCode: 'KANA-JBI' })
        .where('id', '=', n.hub.id)
        .execute();
      await t.db
        .updateTable('organization')
        .set({ shortCode: 'BKN' })
        .where('id', '=', n.coopB.id)
        .execute();
      await MIGRATION.up(t.db);
    });
    afterAll(() => t.close());

    const numbersOf = async (table: Table, keys: string[]) => {
      const out: Record<string, string | null> = {};
      for (const key of keys)
        out[key] = (
          await t.db
            .selectFrom(table)
            .select('number')
            .where('id', '=', ids[key]!)
            .executeTakeFirstOrThrow()
        ).number;
      return out;
    };

    it("numbers the hub's goods receipts by date, then creation, per year", async () => {
      expect(
        await numbersOf('goodsReceipt', [
          'grDecember',
          'grFebEarlier',
          'grFebLater',
          'grFebSameDay',
          'grMarch',
        ]),
      ).toEqual({
        grDecember: 'BPB/KANA-JBI/2025/12/0001',
        grFebEarlier: 'BPB/KANA-JBI/2026/02/0001',
        grFebLater: 'BPB/KANA-JBI/2026/02/0002',
        grFebSameDay: 'BPB/KANA-JBI/2026/02/0003',
        grMarch: 'BPB/KANA-JBI/2026/03/0004',
      });
    });

    it("numbers each cooperative's returns and counts in its own sequence, under its code", async () => {
      expect(await numbersOf('stockReturn', ['retA5', 'retA8', 'retB'])).toEqual({
        retA5: 'RTR/1571011001/2026/03/0001',
        retA8: 'RTR/1571011001/2026/03/0002',
        retB: 'RTR/BKN/2026/03/0001',
      });
      expect(await numbersOf('stockCount', ['countA1', 'countA9', 'countB'])).toEqual({
        countA1: 'SO/1571011001/2026/03/0001',
        countA9: 'SO/1571011001/2026/03/0002',
        countB: 'SO/BKN/2026/03/0001',
      });
    });

    it('sets the sequences, so that new documents continue the count', async () => {
      const kinds = new Set(['BPB', 'RTR', 'SO']);
      const of = async (orgId: string) =>
        (await findSequences(t.db, orgId))
          .filter((s) => kinds.has(s.kind))
          .map((s) => [s.kind, s.year, Number(s.lastNumber)]);
      expect(await of(n.hub.id)).toEqual([
        ['BPB', 2025, 1],
        ['BPB', 2026, 4],
      ]);
      expect(await of(n.coopA.id)).toEqual([
        ['RTR', 2026, 2],
        ['SO', 2026, 2],
      ]);
      const receipt = await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          lines: [{ productId: n.gula1.id, qty: 1, unitCost: 15_000 }],
        }),
      );
      expect(receipt.number).toBe('BPB/KANA-JBI/2026/03/0005');
      const ret = await tx((db) =>
        createReturn(db, n.ctx, n.coopA.id, {
          id: newId(),
          reason: 'Kedaluwarsa',
          lines: [{ productId: n.gula1.id, qty: 1 }],
        }),
      );
      expect(ret.number).toBe('RTR/1571011001/2026/03/0003');
    });
  });
}
