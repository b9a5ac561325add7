import { describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase } from '../../test/helpers/engines.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { fixedClock } from '../core/shared/clock.ts';
import { buildApp } from '../http/app.ts';
import {
  SIMULATION_HUB_ADMIN,
  SIMULATION_OFFICE,
  SIMULATION_PASSWORD,
  managerEmailOf,
} from './plan.ts';
import { simulateNetwork } from './simulate.ts';
import { simulationVillages } from './villages.ts';
import { addDays } from '../core/shared/business-date.ts';
import { loadForecastHistory } from '../core/treasury/forecast.read-model.ts';
import { networkCollections } from '../core/treasury/forecast.ts';

for (const engine of ENGINES) {
  describe(`lumbung simulate on ${engine}`, () => {
    it('writes a network whose counts, books and reports agree', async () => {
      const t = await createTestDatabase(engine);
      const clock = fixedClock('2026-12-20T05:00:00Z');
      try {
        const s = await simulateNetwork(t.db, {
          cooperatives: 4,
          months: 2,
          salesPerDay: 3,
          realClock: clock,
          workers: engine === 'postgres' ? 2 : 1,
        });
        expect(s).toMatchObject({
          cooperatives: 4,
          firstMonth: '2026-11',
          lastMonth: '2026-12',
          deliveries: 8,
          statements: 4,
          payments: 4,
        });
        const count = async (table: 'sale' | 'saleLine' | 'statement' | 'payment') =>
          Number(
            (
              await t.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(s.sales).toBeGreaterThan(4 * 40 * 2);
        expect(await count('sale')).toBe(s.sales);
        expect(await count('saleLine')).toBe(s.saleLines);
        expect(await count('statement')).toBe(s.statements);
        expect(await count('payment')).toBe(s.payments);
        expect((await verifyDatabase(t.db)).checks.filter((c) => !c.ok)).toEqual([]);

        // The forecast's read of today's sales (summed by month and side of the velocity's first
        // day) expects what the whole history, day by day, would.
        const hub = await t.db
          .selectFrom('organization')
          .select('id')
          .where('kind', '=', 'hub')
          .executeTakeFirstOrThrow();
        for (const today of ['2026-12-10', '2026-12-20', '2026-12-31']) {
          const until = addDays(today, 7 * 13);
          const { coops } = await loadForecastHistory(t.db, hub.id, today, { whole: false });
          const whole = await loadForecastHistory(t.db, hub.id, today, { whole: true });
          const summedDays = coops.reduce((n, c) => n + c.charges.length, 0);
          const days = whole.coops.reduce((n, c) => n + c.charges.length, 0);
          expect(summedDays).toBeLessThan(days);
          expect(networkCollections(coops, today, today, until)).toEqual(
            networkCollections(whole.coops, today, today, until),
          );
        }

        // The printed users sign in and see the network.
        const app = await buildApp({ db: t.db, engine, version: 'test', clock });
        try {
          const signIn = async (email: string) => {
            const r = await app.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { email, password: SIMULATION_PASSWORD },
            });
            expect(r.statusCode).toBe(200);
            return { authorization: `Bearer ${r.json<{ token: string }>().token}` };
          };
          const get = async (email: string, url: string) => {
            const r = await app.inject({ method: 'GET', url, headers: await signIn(email) });
            expect(r.statusCode).toBe(200);
            return r.json<Record<string, { cooperatives?: number }>>();
          };
          const summary = await get(SIMULATION_HUB_ADMIN, '/api/v1/treasury/summary');
          expect(summary.exposure!.cooperatives).toBe(4);
          const region = await get(SIMULATION_OFFICE, '/api/v1/region/overview');
          expect(region.totals!.cooperatives).toBe(4);
          const [village] = await simulationVillages(1);
          const coop = await t.db
            .selectFrom('organization')
            .select('id')
            .where('villageCode', '=', village!.code)
            .executeTakeFirstOrThrow();
          const statements = await get(
            managerEmailOf(village!.code),
            `/api/v1/cooperatives/${coop.id}/statements`,
          );
          expect(statements.items).toHaveLength(1);
        } finally {
          await app.close();
        }
      } finally {
        await t.close();
      }
    }, 120_000);
  });
}
