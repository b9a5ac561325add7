import type { Kysely, Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/engines.ts';
import {
  BEFORE_MONTH_END,
  monthEndDatabase,
  expectNovemberClosedOnce,
  runsOf,
} from '../../../test/helpers/month-end.ts';
import type { Database } from '../../db/database.ts';
import { fixedClock } from '../shared/clock.ts';
import { createJobRunner } from './index.ts';

/** After every job of the month end is due (the last, month-partitions, at 04:00 WIB on the 1st). */
const ALL_DUE = '2026-11-30T21:30:00Z';

/**
 * The database as PostgreSQL behaves when each transaction meets a deadlock once: its writes are
 * done, then it ends with 40P01 and is rolled back whole. Every other transaction ends so: the
 * one after a failed one is its run again, and lands.
 */
function deadlockingOnce(db: Kysely<Database>) {
  let ended = 0;
  let failNext = true;
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction')
        return () => ({
          execute: <T>(fn: (trx: Transaction<Database>) => Promise<T>) =>
            target.transaction().execute(async (trx) => {
              const out = await fn(trx);
              failNext = !failNext;
              if (!failNext) {
                ended++;
                throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
              }
              return out;
            }),
        });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { db: proxy, ended: () => ended };
}

for (const engine of ENGINES) {
  describe(`month-end jobs meeting deadlocks on ${engine}`, () => {
    const s = monthEndDatabase(engine);

    it('each transaction rolled back once runs again: one statement per cooperative, one subsidy run, each counted once', async () => {
      const flaky = deadlockingOnce(s.t.db);
      const clock = fixedClock(BEFORE_MONTH_END);
      const runner = createJobRunner(flaky.db, clock, { owner: 'runner-1' });
      try {
        // The jobs are scheduled on the first tick, and all due on the second.
        await runner.tick();
        clock.set(ALL_DUE);
        await runner.tick();
      } finally {
        await runner.stop();
      }
      // Every job's lease, every statement, the subsidy run and every record of a run met one.
      expect(flaky.ended()).toBeGreaterThanOrEqual(6);

      await expectNovemberClosedOnce(s.t.db, s.n);
      const runs = await runsOf(s.t.db);
      expect(
        runs
          .map(({ name, status }) => ({ name, status }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      ).toEqual([
        { name: 'close-settlement-periods', status: 'ok' },
        { name: 'credit-loss-provision', status: 'ok' },
        { name: 'depreciation', status: 'ok' },
        { name: 'month-partitions', status: 'ok' },
        { name: 'monthly-subsidy', status: 'ok' },
        { name: 'wajib-billing', status: 'ok' },
      ]);
      // The counts a run reports are of what landed, not of the runs that were rolled back.
      const summary = new Map(runs.map((r) => [r.name, r.result.summary]));
      expect(summary.get('close-settlement-periods')).toBe(
        '2 tagihan diterbitkan (periode s.d. 2026-11-30)',
      );
      expect(summary.get('monthly-subsidy')).toBe('Subsidi 2026-11: 2 keputusan baru');
    });
  });
}
