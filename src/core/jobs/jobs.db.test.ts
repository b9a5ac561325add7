import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import {
  AFTER_MONTH_END,
  BEFORE_MONTH_END,
  buildMonthEndNetwork,
  runsOf,
  statementsOf,
} from '../../../test/helpers/month-end.ts';
import type { TestNetwork } from '../../../test/helpers/network.ts';
import { openDatabase } from '../../db/connection.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { createJobRunner } from './index.ts';

/**
 * The month end runs itself: with the clock past the end of November 2026,
 * the period close and the subsidy run happen once, however many runners
 * share the database.
 */
for (const engine of ENGINES) {
  describe(`scheduled jobs on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildMonthEndNetwork(t.db);
    });
    afterAll(async () => {
      try {
        const report = await verifyDatabase(t.db);
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      } finally {
        await t.close();
      }
    });

    it('two runners on their own connections tick at once past the month end: one statement per cooperative, one subsidy run, one run of each job', async () => {
      // PostgreSQL: a second pool, as a second server process has. SQLite: one process holds one
      // connection (a second one in the same process would wait for the first's lock while
      // blocking the event loop the first needs to commit), so the runners share it here; two
      // processes on one SQLite file are tested in test/jobs-serve.db.test.ts.
      const other = engine === 'postgres' ? openDatabase(t.url) : undefined;
      const clocks = [fixedClock(BEFORE_MONTH_END), fixedClock(BEFORE_MONTH_END)];
      const runners = [
        createJobRunner(t.db, clocks[0]!, { owner: 'runner-1' }),
        createJobRunner(other?.db ?? t.db, clocks[1]!, { owner: 'runner-2' }),
      ];
      const round = () => Promise.all(runners.map((r) => r.tick()));
      try {
        await round();
        // Nothing due on the month's last day: the close is due at 00:30 WIB, the subsidy at 01:00.
        expect(await runsOf(t.db)).toEqual([]);
        expect(
          await t.db
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

      for (const [coop, sales] of [
        [n.coopA, 10 * 16_000],
        [n.coopB, 4 * 16_000],
      ] as const)
        expect(await statementsOf(t.db, coop.id)).toEqual([
          {
            periodStart: '2026-01-01',
            periodEnd: '2026-11-30',
            salesAmount: sales,
            closingBalance: sales,
          },
        ]);
      expect(await t.db.selectFrom('subsidyRun').select(['month']).execute()).toEqual([
        { month: '2026-11' },
      ]);
      const grants = await t.db
        .selectFrom('subsidyGrant')
        .select(['orgId', 'month', 'amount', 'status'])
        .orderBy('orgId')
        .execute();
      expect(grants.sort((a, b) => a.orgId.localeCompare(b.orgId))).toEqual(
        [n.coopA.id, n.coopB.id].sort().map((orgId) => ({
          orgId,
          month: '2026-11',
          amount: 2_000_000,
          status: 'accrued',
        })),
      );
      // One successful run per job; the other runner found the lease taken (or the job done) and skipped.
      const runs = await runsOf(t.db);
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
        await t.db
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
      // The writes are in the audit trail under the system actor.
      const audit = await t.db
        .selectFrom('auditEvent')
        .select(['orgId', 'action', 'targetId'])
        .where('actorUserId', '=', 'system:jobs')
        .orderBy('action')
        .orderBy('orgId')
        .execute();
      expect(audit).toEqual([
        ...[n.coopA.id, n.coopB.id]
          .sort()
          .map((orgId) => ({ orgId, action: 'closeSettlementPeriod', targetId: '2026-11-30' })),
        { orgId: n.hub.id, action: 'runMonthlySubsidy', targetId: expect.any(String) },
      ]);
    });
  });
}
