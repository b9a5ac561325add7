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
import { fixedClock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { closeSettlementPeriodsJob } from './close-settlement-periods.ts';
import { checkNotStopped, type JobContext } from './job.ts';
import { createJobRunner } from './index.ts';

/**
 * A job that fails is recorded as failed with its message and tried again;
 * a runner that stops lets its job stop and records it.
 */
for (const engine of ENGINES) {
  describe(`a failing job on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildMonthEndNetwork(t.db);
    });
    afterAll(() => t.close());

    it("one cooperative's failure is recorded with its message, the others are closed, and the next round closes it", async () => {
      const clock = fixedClock(BEFORE_MONTH_END);
      const runner = createJobRunner(t.db, clock, { jobs: [closeSettlementPeriodsJob] });
      // KDKMP A's store is gone (a broken row): loading it for its statement fails.
      const breakStore = (kind: 'store' | 'warehouse') =>
        t.db
          .updateTable('location')
          .set({ kind })
          .where('orgId', '=', n.coopA.id)
          .where('kind', '=', kind === 'store' ? 'warehouse' : 'store')
          .execute();
      await runner.tick();
      await breakStore('warehouse');
      clock.set(AFTER_MONTH_END);
      await runner.tick();
      const [failed] = await runsOf(t.db);
      expect(failed).toMatchObject({ name: 'close-settlement-periods', status: 'failed' });
      expect(failed!.result.summary).toBe(
        '1 tagihan diterbitkan (periode s.d. 2026-11-30); koperasi gagal: 1',
      );
      expect(failed!.result.failures).toEqual([
        {
          orgId: n.coopA.id,
          code: 'InternalError',
          message: expect.stringContaining('store'),
          hubId: n.hub.id,
          orgName: n.coopA.name,
        },
      ]);
      expect(await statementsOf(t.db, n.coopA.id)).toEqual([]);
      expect(await statementsOf(t.db, n.coopB.id)).toHaveLength(1);

      await breakStore('store');
      clock.set('2026-11-30T19:01:00Z');
      await runner.tick();
      await runner.stop();
      expect((await runsOf(t.db)).map((r) => [r.status, r.result.summary])).toEqual([
        ['failed', '1 tagihan diterbitkan (periode s.d. 2026-11-30); koperasi gagal: 1'],
        ['ok', '1 tagihan diterbitkan (periode s.d. 2026-11-30)'],
      ]);
      expect(await statementsOf(t.db, n.coopA.id)).toHaveLength(1);
      expect(await statementsOf(t.db, n.coopB.id)).toHaveLength(1);
    });

    it('a job that fails as a whole is tried again at the next round, then backs off; a success puts it back on its schedule', async () => {
      let failing = true;
      const flaky = {
        ...closeSettlementPeriodsJob,
        run: async () => {
          if (failing)
            throw new DomainError('ServiceUnavailable', {
              message: 'Basis data tidak menjawab',
              messageEn: 'The database does not answer',
            });
          return { summary: 'beres', summaryEn: 'done', checked: 0, changed: 0, failures: [] };
        },
      };
      await t.db.deleteFrom('jobRun').execute();
      await t.db.updateTable('job').set({ nextRunAt: '2026-11-30T17:30:00.000Z' }).execute();
      const clock = fixedClock('2026-11-30T20:00:00Z');
      const runner = createJobRunner(t.db, clock, { jobs: [flaky], intervalMs: 60_000 });
      const job = () =>
        t.db
          .selectFrom('job')
          .select(['nextRunAt', 'lastStatus', 'lastResult'])
          .where('name', '=', flaky.name)
          .executeTakeFirstOrThrow();

      await runner.tick();
      expect(await job()).toMatchObject({
        nextRunAt: '2026-11-30T20:00:00.000Z',
        lastStatus: 'failed',
      });
      expect(JSON.parse((await job()).lastResult!)).toMatchObject({
        summary: 'Basis data tidak menjawab',
        summaryEn: 'The database does not answer',
      });
      // The next round tries again; a second failure in a row waits one interval.
      await runner.tick();
      expect(await job()).toMatchObject({
        nextRunAt: '2026-11-30T20:01:00.000Z',
        lastStatus: 'failed',
      });
      await runner.tick();
      expect((await runsOf(t.db)).length).toBe(2);
      failing = false;
      clock.set('2026-11-30T20:01:00Z');
      await runner.tick();
      await runner.stop();
      expect(await job()).toMatchObject({
        nextRunAt: '2026-12-01T17:30:00.000Z',
        lastStatus: 'ok',
      });
      expect((await runsOf(t.db)).map((r) => r.status)).toEqual(['failed', 'failed', 'ok']);
    });

    it('a runner stopped while a job runs: the job stops, is recorded as failed and is due again at once', async () => {
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const slow = {
        ...closeSettlementPeriodsJob,
        run: async (_db: unknown, job: JobContext) => {
          started();
          await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
          checkNotStopped(job.signal);
          return { summary: '', summaryEn: '', checked: 0, changed: 0, failures: [] };
        },
      };
      await t.db.updateTable('job').set({ nextRunAt: '2026-11-30T17:30:00.000Z' }).execute();
      const runner = createJobRunner(t.db, fixedClock('2026-12-01T00:00:00Z'), { jobs: [slow] });
      runner.start();
      await running;
      expect(
        await t.db
          .selectFrom('job')
          .select('leaseOwner')
          .where('name', '=', slow.name)
          .executeTakeFirst(),
      ).toEqual({ leaseOwner: runner.owner });
      await runner.stop();
      const job = await t.db
        .selectFrom('job')
        .select(['leaseOwner', 'nextRunAt', 'lastStatus', 'lastResult'])
        .where('name', '=', slow.name)
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({
        leaseOwner: null,
        nextRunAt: '2026-12-01T00:00:00.000Z',
        lastStatus: 'failed',
      });
      expect(JSON.parse(job.lastResult!)).toMatchObject({
        summary: 'Dihentikan karena server berhenti; dijalankan lagi pada putaran berikutnya',
      });
    });
  });
}
