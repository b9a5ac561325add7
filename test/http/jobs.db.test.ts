import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS, ensureJobRows } from '../../src/core/jobs/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import { auditEventsOf, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

interface JobItem {
  name: string;
  title: string;
  schedule: string;
  nextRunAt: string;
  running: boolean;
  lastRun?: {
    status: string;
    trigger: string;
    triggeredBy?: string;
    result: { summary: string; changed: number; failures: unknown[] };
  };
}

/**
 * The jobs screen's operations: a hub admin lists the scheduled jobs and runs
 * one by hand. The fixture's clock is 10 March 2026 (10:00 WIB); KDKMP A and
 * B take part monthly since 1 January, so February has ended unclosed.
 */
for (const engine of ENGINES) {
  describe(`scheduled jobs over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const list = async () => {
      const res = await callAs(f, 'hubAdmin', 'GET', '/api/v1/jobs');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: JobItem[] }).items;
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('lists the jobs with their schedule in WIB and next run, before any has run', async () => {
      expect(await list()).toEqual([
        {
          name: 'close-settlement-periods',
          title: 'Tutup periode penagihan',
          titleEn: 'Close settlement periods',
          schedule: 'Setiap hari pukul 00.30 WIB',
          scheduleEn: 'Every day at 00:30 WIB',
          nextRunAt: '2026-03-10T17:30:00.000Z',
          running: false,
        },
        {
          name: 'monthly-subsidy',
          title: 'Subsidi operasional bulanan',
          titleEn: 'Monthly operational subsidy',
          schedule: 'Setiap tanggal 1 pukul 01.00 WIB',
          scheduleEn: 'On the 1st of every month at 01:00 WIB',
          nextRunAt: '2026-03-31T18:00:00.000Z',
          running: false,
        },
        {
          name: 'wajib-billing',
          title: 'Tagihan simpanan wajib bulanan',
          titleEn: 'Monthly wajib savings billing',
          schedule: 'Setiap tanggal 1 pukul 01.30 WIB',
          scheduleEn: 'On the 1st of every month at 01:30 WIB',
          nextRunAt: '2026-03-31T18:30:00.000Z',
          running: false,
        },
        {
          name: 'credit-loss-provision',
          title: 'CKPN akhir bulan',
          titleEn: 'Month-end credit loss allowance',
          schedule: 'Setiap tanggal 1 pukul 02.30 WIB',
          scheduleEn: 'On the 1st of every month at 02:30 WIB',
          nextRunAt: '2026-03-31T19:30:00.000Z',
          running: false,
        },
        {
          name: 'depreciation',
          title: 'Penyusutan aset tetap bulanan',
          titleEn: 'Monthly depreciation of fixed assets',
          schedule: 'Setiap tanggal 1 pukul 03.00 WIB',
          scheduleEn: 'On the 1st of every month at 03:00 WIB',
          nextRunAt: '2026-03-31T20:00:00.000Z',
          running: false,
        },
        {
          name: 'month-partitions',
          title: 'Partisi bulanan PostgreSQL',
          titleEn: 'PostgreSQL monthly partitions',
          schedule: 'Setiap hari pukul 04.00 WIB',
          scheduleEn: 'Every day at 04:00 WIB',
          nextRunAt: '2026-03-10T21:00:00.000Z',
          running: false,
        },
      ]);
    });

    it('a hub admin runs the period close by hand: February is closed for both cooperatives, recorded and audited', async () => {
      const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/jobs/close-settlement-periods/run');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'close-settlement-periods',
        status: 'ok',
        trigger: 'manual',
        triggeredBy: expect.any(String),
        result: {
          summary: '2 tagihan diterbitkan (periode s.d. 2026-02-28)',
          summaryEn: '2 statements issued (periods ending 2026-02-28)',
          checked: 2,
          changed: 2,
          failures: [],
        },
      });
      const statements = await f.t.db
        .selectFrom('statement')
        .select(['orgId', 'periodEnd'])
        .execute();
      expect(statements.map((s) => s.periodEnd)).toEqual(['2026-02-28', '2026-02-28']);

      const [close] = await list();
      expect(close).toMatchObject({
        lastRun: { status: 'ok', trigger: 'manual', result: { changed: 2 } },
        // A success puts the job on its schedule again: tonight 00:30 WIB.
        nextRunAt: '2026-03-10T17:30:00.000Z',
        running: false,
      });
      // Run again: nothing left to close.
      const again = await callAs(
        f,
        'hubAdmin',
        'POST',
        '/api/v1/jobs/close-settlement-periods/run',
      );
      expect(again.json().result).toMatchObject({ summary: 'Tidak ada tagihan baru', changed: 0 });

      // The statements' audit events carry the system actor; the request carries the admin.
      const system = await f.t.db
        .selectFrom('auditEvent')
        .select(['action', 'targetId'])
        .where('actorUserId', '=', 'system:jobs')
        .execute();
      expect(system).toEqual([
        { action: 'closeSettlementPeriod', targetId: '2026-02-28' },
        { action: 'closeSettlementPeriod', targetId: '2026-02-28' },
      ]);
      await expect
        .poll(async () => (await auditEventsOf(f, 'runJob')).map((e) => e.targetId))
        .toEqual(['close-settlement-periods', 'close-settlement-periods']);
    });

    it('409 while another runner holds the lease, with a clear message; the list shows it running', async () => {
      await ensureJobRows(f.t.db, f.n.clock, JOBS);
      await f.t.db
        .updateTable('job')
        .set({ leaseOwner: 'another-server', leaseUntil: '2026-03-10T03:05:00.000Z' })
        .where('name', '=', 'monthly-subsidy')
        .execute();
      const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/jobs/monthly-subsidy/run');
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'InvalidState',
        detail:
          'Subsidi operasional bulanan sedang dijalankan oleh proses lain; coba lagi setelah selesai',
      });
      expect((await list())[1]).toMatchObject({ name: 'monthly-subsidy', running: true });
      expect(await f.t.db.selectFrom('subsidyRun').selectAll().execute()).toEqual([]);

      // Once the lease has lapsed (its runner died), a run by hand takes it: February's subsidy.
      f.n.clock.set('2026-03-10T03:06:00Z');
      const run = await callAs(f, 'hubAdmin', 'POST', '/api/v1/jobs/monthly-subsidy/run');
      expect(run.statusCode, run.body).toBe(200);
      expect(run.json()).toMatchObject({
        status: 'ok',
        result: { summary: 'Subsidi 2026-02: 2 keputusan baru', changed: 2 },
      });
    });

    it('404 for an unknown job; 403 for everyone but the hub admin', async () => {
      const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/jobs/pg-partitions/run');
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe('NotFound');
      for (const user of ['hubStaff', 'managerA', 'govViewer'] as const) {
        for (const [method, url] of [
          ['GET', '/api/v1/jobs'],
          ['POST', '/api/v1/jobs/close-settlement-periods/run'],
        ] as const) {
          const r = await callAs(f, user, method, url);
          expect({ user, url, status: r.statusCode }).toEqual({ user, url, status: 403 });
        }
      }
    });
  });
}
