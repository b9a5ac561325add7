import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { consignGula } from '../../../test/helpers/consigned-stock.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import type { Database } from '../../db/database.ts';
import { recordSales } from '../consignment/index.ts';
import { getHubSummary } from '../dashboard/index.ts';
import { closeSettlementPeriod, recordPayment } from '../settlement/index.ts';
import { addDays, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import { heldHistory, keptCutoff } from './kept-history.ts';
import { forgetKeptFrom } from './kept.repository.ts';

describe('the kept cutoff', () => {
  it('is the last month end more than seven days before today', () => {
    expect(keptCutoff('2026-06-20')).toBe('2026-05-31');
    expect(keptCutoff('2026-06-08')).toBe('2026-05-31');
    expect(keptCutoff('2026-06-07')).toBe('2026-04-30');
    expect(keptCutoff('2026-03-09')).toBe('2026-02-28');
  });
});

for (const engine of ENGINES) {
  describe(`history held in the process while the hub's kept epoch stands, on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(engine);
    });
    afterAll(() => t.close());

    it('loads once per hub, part, cutoff and epoch; again after a back-dated document; never in a transaction', async () => {
      let loads = 0;
      const load = async () => ++loads;
      const read = (cutoff: string, key = 'a,b') =>
        heldHistory(t.db, 'hub-held', 'part', cutoff, key, load);
      expect(await read('2026-05-31')).toBe(1);
      expect(await read('2026-05-31')).toBe(1);
      // Another cutoff, another set of cooperatives: loaded again.
      expect(await read('2026-06-30')).toBe(2);
      expect(await read('2026-06-30', 'a,b,c')).toBe(3);
      // A document of the last seven days changes nothing held.
      await forgetKeptFrom(t.db, 'hub-held', '2026-07-05', '2026-07-10');
      expect(await read('2026-06-30', 'a,b,c')).toBe(3);
      // One dated before: the count moves and the next read loads.
      await forgetKeptFrom(t.db, 'hub-held', '2026-06-01', '2026-07-10');
      expect(await read('2026-06-30', 'a,b,c')).toBe(4);
      await t.db
        .transaction()
        .execute((trx) => heldHistory(trx, 'hub-held', 'part', '2026-06-30', 'a,b,c', load));
      expect(loads).toBe(5);
      expect(await read('2026-06-30', 'a,b,c')).toBe(4);
    });

    describe('the hub summary', () => {
      let n: TestNetwork;
      const db = () => t.db as Kysely<Database>;
      const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db().transaction().execute(fn);
      /** The summary as this process serves it (history held) and as worked out afresh. */
      const bothWays = async () => {
        const held = await getHubSummary(db(), n.clock, n.hub.id);
        const fresh = await tx((trx) => getHubSummary(trx, n.clock, n.hub.id));
        return { held, fresh };
      };
      const sell = (coopId: string, day: string, qty: number) =>
        tx((trx) =>
          recordSales(trx, n.ctx, coopId, [
            {
              id: newId(),
              occurredAt: `${day}T03:00:00Z`,
              paymentMethod: 'cash',
              lines: [{ productId: n.gula1.id, qty, unitPrice: 17_500 }],
            },
          ]),
        );
      const pay = (coopId: string, day: string, amount: number) =>
        tx((trx) =>
          recordPayment(trx, n.ctx, coopId, {
            id: newId(),
            amount,
            receivedOn: day,
            method: 'transfer',
            reference: 'uji',
          }),
        );
      /** Closes every month ended before today that is not closed yet. */
      const closeEnded = async (closed: Set<string>) => {
        const today = todayWib(n.clock);
        for (let month = '2026-01'; lastDayOfMonth(month) < today;) {
          const end = lastDayOfMonth(month);
          if (!closed.has(end)) {
            await tx((trx) => closeSettlementPeriod(trx, n.ctx, n.hub.id, { periodEnd: end }));
            closed.add(end);
          }
          month = monthOf(addDays(end, 1));
        }
      };

      beforeAll(async () => {
        n = await buildNetwork(db(), { now: '2026-01-05T03:00:00Z' });
        for (const coop of [n.coopA, n.coopB]) await consignGula({ t, n }, coop.id, 2_000);
      });

      it('is the same whether the history is held or read afresh, whatever is written and whenever', async () => {
        const closed = new Set<string>();
        // Five months of sales, statements and payments (B pays late, A in part).
        for (const month of ['01', '02', '03', '04', '05']) {
          n.clock.set(`2026-${month}-25T03:00:00Z`);
          await sell(n.coopA.id, `2026-${month}-10`, 40);
          await sell(n.coopB.id, `2026-${month}-20`, 30);
          n.clock.set(`2026-${month}-28T03:00:00Z`);
          await closeEnded(closed);
          await pay(n.coopA.id, `2026-${month}-27`, 300_000);
        }
        n.clock.set('2026-06-20T03:00:00Z');
        await closeEnded(closed);
        const first = await bothWays();
        expect(first.held).toEqual(first.fresh);
        expect(first.held.overdue.amount).toBeGreaterThan(0);

        const step = fc.record({
          kind: fc.constantFrom('pay', 'sell'),
          coop: fc.constantFrom('A', 'B'),
          daysAgo: fc.integer({ min: 0, max: 120 }),
          amount: fc.integer({ min: 1, max: 40 }),
          advance: fc.integer({ min: 0, max: 12 }),
        });
        await fc.assert(
          fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
            for (const s of steps) {
              const now = new Date(n.clock.now().getTime() + s.advance * 86_400_000);
              n.clock.set(now.toISOString());
              await closeEnded(closed);
              const today = todayWib(n.clock);
              const day = addDays(today, -s.daysAgo);
              const coopId = s.coop === 'A' ? n.coopA.id : n.coopB.id;
              if (s.kind === 'pay') await pay(coopId, day, s.amount * 50_000);
              else await sell(coopId, day, s.amount);
              const { held, fresh } = await bothWays();
              expect(held).toEqual(fresh);
            }
          }),
          { numRuns: 6, seed: 22 },
        );
      });
    });
  });
}
