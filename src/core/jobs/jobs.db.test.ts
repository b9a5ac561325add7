import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/engines.ts';
import {
  AFTER_MONTH_END,
  BEFORE_MONTH_END,
  monthEndDatabase,
  expectNovemberClosedOnce,
  runsOf,
} from '../../../test/helpers/month-end.ts';
import { openDatabase } from '../../db/connection.ts';
import { fixedClock } from '../shared/clock.ts';
import { createJobRunner } from './index.ts';

/**
 * The month end runs itself: with the clock past the end of November 2026,
 * the period close and the subsidy run happen once, however many runners
 * share the database.
 */
for (const engine of ENGINES) {
  describe(`scheduled jobs on ${engine}`, () => {
    const s = monthEndDatabase(engine);

    it('two runners on their own connections tick at once past the month end: one statement per cooperative, one subsidy run, one run of each job', async () => {
      // PostgreSQL: a second pool, as a second server process has. SQLite: one process holds one
      // connection (a second one in the same process would wait for the first's lock while
      // blocking the event loop the first needs to commit), so the runners share it here; two
      // processes on one SQLite file are tested in test/jobs-serve.db.test.ts.
      const other = engine === 'postgres' ? openDatabase(s.t.url) : undefined;
      const clocks = [fixedClock(BEFORE_MONTH_END), fixedClock(BEFORE_MONTH_END)];
      const runners = [
        createJobRunner(s.t.db, clocks[0]!, { owner: 'runner-1' }),
        createJobRunner(other?.db ?? s.t.db, clocks[1]!, { owner: 'runner-2' }),
      ];
      const round = () => Promise.all(runners.map((r) => r.tick()));
      try {
        await round();
        // Nothing due on the month's last day: the close is due at 00:30 WIB, the subsidy at 01:00.
        expect(await runsOf(s.t.db)).toEqual([]);
        expect(
          await s.t.db
            .selectFrom('job')
            .select(['name', 'nextRunAt', 'leaseOwner'])
            .orderBy('name')
            .execute(),
        ).toEqual([
          {
            name: 'close-settlement-periods',
            nextRunAt: '2026-11-30T17:30:00.000Z',
            leaseOwner: null,
          },
          {
            name: 'credit-loss-provision',
            nextRunAt: '2026-11-30T19:30:00.000Z',
            leaseOwner: null,
          },
          { name: 'depreciation', nextRunAt: '2026-11-30T20:00:00.000Z', leaseOwner: null },
          { name: 'month-partitions', nextRunAt: '2026-11-30T21:00:00.000Z', leaseOwner: null },
          { name: 'monthly-subsidy', nextRunAt: '2026-11-30T18:00:00.000Z', leaseOwner: null },
          { name: 'wajib-billing', nextRunAt: '2026-11-30T18:30:00.000Z', leaseOwner: null },
        ]);

        for (const c of clocks) c.set(AFTER_MONTH_END);
        await round();
        await round();
      } finally {
        await Promise.all(runners.map((r) => r.stop()));
        await other?.close();
      }

      await expectNovemberClosedOnce(s.t.db, s.n);
      // One successful run per job; the other runner found the lease taken (or the job done) and skipped.
      const runs = await runsOf(s.t.db);
      expect(runs.map(({ name, status, trigger }) => ({ name, status, trigger }))).toEqual([
        { name: 'close-settlement-periods', status: 'ok', trigger: 'schedule' },
        { name: 'monthly-subsidy', status: 'ok', trigger: 'schedule' },
        { name: 'wajib-billing', status: 'ok', trigger: 'schedule' },
      ]);
      expect(runs.map((r) => r.result.summary)).toEqual([
        '2 tagihan diterbitkan (periode s.d. 2026-11-30)',
        'Subsidi 2026-11: 2 keputusan baru',
        'Simpanan wajib 2026-12: tidak ada tagihan baru',
      ]);
      // Due again at the next scheduled time, the lease let go.
      expect(
        await s.t.db
          .selectFrom('job')
          .select(['name', 'nextRunAt', 'leaseOwner', 'lastStatus'])
          .orderBy('name')
          .execute(),
      ).toEqual([
        {
          name: 'close-settlement-periods',
          nextRunAt: '2026-12-01T17:30:00.000Z',
          leaseOwner: null,
          lastStatus: 'ok',
        },
        // Due at 02:30 WIB, after this test's clock.
        {
          name: 'credit-loss-provision',
          nextRunAt: '2026-11-30T19:30:00.000Z',
          leaseOwner: null,
          lastStatus: null,
        },
        // Due at 03:00 WIB, after this test's clock.
        {
          name: 'depreciation',
          nextRunAt: '2026-11-30T20:00:00.000Z',
          leaseOwner: null,
          lastStatus: null,
        },
        // Every day at 04:00 WIB, after this test's clock.
        {
          name: 'month-partitions',
          nextRunAt: '2026-11-30T21:00:00.000Z',
          leaseOwner: null,
          lastStatus: null,
        },
        {
          name: 'monthly-subsidy',
          nextRunAt: '2026-12-31T18:00:00.000Z',
          leaseOwner: null,
          lastStatus: 'ok',
        },
        {
          name: 'wajib-billing',
          nextRunAt: '2026-12-31T18:30:00.000Z',
          leaseOwner: null,
          lastStatus: 'ok',
        },
      ]);
      // The jobs wrote nothing else under the system actor (the rest: `expectNovemberClosedOnce`).
      expect(
        await s.t.db
          .selectFrom('auditEvent')
          .select('action')
          .where('actorUserId', '=', 'system:jobs')
          .execute(),
      ).toHaveLength(3);
    });
  });
}
