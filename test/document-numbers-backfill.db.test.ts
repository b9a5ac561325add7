import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setProductPrices } from '../src/core/catalog/index.ts';
import { createDeliveryOrder } from '../src/core/consignment/index.ts';
import { paymentReferenceOf } from '../src/core/network/index.ts';
import { findSequences } from '../src/core/numbering/index.ts';
import { closeSettlementPeriod, recordPayment } from '../src/core/settlement/index.ts';
import { newId } from '../src/core/shared/ids.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from './helpers/engines.ts';
import { buildNetwork, type TestNetwork } from './helpers/network.ts';

const MIGRATION = migrations['2026_12_06_1330_add_document_numbers']!;

/**
 * A database whose documents were written before they had numbers: the
 * migration numbers them per hub and year in the order of their business date,
 * then creation, sets the sequences so that new documents continue after
 * them, and gives every cooperative its payment reference.
 */
for (const engine of ENGINES) {
  describe(`numbering the documents of an existing database on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      await setProductPrices(
        t.db,
        n.gula1.id,
        '15',
        { consignmentPrice: 16_000, retailPrice: 17_500, effectiveFrom: '2025-12-01' },
        n.clock,
      );
      const tx = <T>(fn: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
      // Entered out of date order, one second apart.
      const orders: [string, string, string][] = [
        ['march', '2026-03-05', n.coopA.id],
        ['febLater', '2026-02-10', n.coopB.id],
        ['december', '2025-12-30', n.coopA.id],
        ['febEarlier', '2026-02-03', n.coopA.id],
        ['febSameDay', '2026-02-10', n.coopA.id],
      ];
      for (const [i, [key, date, coopId]] of orders.entries()) {
        n.clock.set(`2026-03-10T03:00:0${i}Z`);
        ids[key] = (
          await tx((db) =>
            createDeliveryOrder(db, n.ctx, {
              cooperativeId: coopId,
              date,
              lines: [{ productId: n.gula1.id, qty: 1 }],
            }),
          )
        ).id;
      }
      await tx((db) => closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd: '2026-02-28' }));
      for (const [key, receivedOn] of [
        ['paidMarch', '2026-03-09'],
        ['paidFebruary', '2026-02-20'],
      ] as const) {
        ids[key] = newId();
        await tx((db) =>
          recordPayment(db, n.ctx, n.coopA.id, {
            id: ids[key]!,
            amount: 1_000,
            receivedOn,
            method: 'transfer',
            reference: key,
          }),
        );
      }
      // Back to the database before numbers; the hub has the short code its profile gives it.
      await MIGRATION.down!(t.db);
      await t.db
        .updateTable('organization')
        .set({ shortCode: 'KANA-JBI' })
        .where('id', '=', n.hub.id)
        .execute();
      await MIGRATION.up(t.db);
    });
    afterAll(() => t.close());

    const numberOf = async (table: 'deliveryOrder' | 'payment', id: string) =>
      (await t.db.selectFrom(table).select('number').where('id', '=', id).executeTakeFirstOrThrow())
        .number;

    it('numbers the surat jalan by date, then creation, per year', async () => {
      expect({
        december: await numberOf('deliveryOrder', ids.december!),
        febEarlier: await numberOf('deliveryOrder', ids.febEarlier!),
        febLater: await numberOf('deliveryOrder', ids.febLater!),
        febSameDay: await numberOf('deliveryOrder', ids.febSameDay!),
        march: await numberOf('deliveryOrder', ids.march!),
      }).toEqual({
        december: 'SJ/KANA-JBI/2025/12/0001',
        febEarlier: 'SJ/KANA-JBI/2026/02/0001',
        febLater: 'SJ/KANA-JBI/2026/02/0002',
        febSameDay: 'SJ/KANA-JBI/2026/02/0003',
        march: 'SJ/KANA-JBI/2026/03/0004',
      });
    });

    it('numbers statements and payments the same way, and new documents continue the count', async () => {
      const statements = await t.db.selectFrom('statement').select('number').execute();
      expect(statements.map((s) => s.number).sort()).toEqual([
        'TK/KANA-JBI/2026/02/0001',
        'TK/KANA-JBI/2026/02/0002',
      ]);
      expect(await numberOf('payment', ids.paidFebruary!)).toBe('PB/KANA-JBI/2026/02/0001');
      expect(await numberOf('payment', ids.paidMarch!)).toBe('PB/KANA-JBI/2026/03/0002');
      expect(
        (await findSequences(t.db, n.hub.id)).map((s) => [s.kind, s.year, s.lastNumber]),
      ).toEqual([
        ['PB', 2026, 2],
        ['SJ', 2025, 1],
        ['SJ', 2026, 4],
        ['TK', 2026, 2],
      ]);
      const next = await t.db.transaction().execute((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopB.id,
          lines: [{ productId: n.gula1.id, qty: 1 }],
        }),
      );
      expect(next.number).toBe('SJ/KANA-JBI/2026/03/0005');
    });

    it('gives every cooperative its payment reference', async () => {
      const coops = await t.db
        .selectFrom('organization')
        .select(['villageCode', 'paymentReference'])
        .where('kind', '=', 'cooperative')
        .orderBy('villageCode')
        .execute();
      expect(coops).toEqual([
        { villageCode: '15.71.01.1001', paymentReference: paymentReferenceOf('15.71.01.1001') },
        { villageCode: '15.71.01.1002', paymentReference: paymentReferenceOf('15.71.01.1002') },
      ]);
      const hub = await t.db
        .selectFrom('organization')
        .select('paymentReference')
        .where('id', '=', n.hub.id)
        .executeTakeFirstOrThrow();
      expect(hub.paymentReference).toBeNull();
    });
  });
}
