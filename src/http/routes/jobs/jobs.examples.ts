import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { JobList, JobRun } from './jobs.schemas.ts';

const closeRun = {
  id: '01936f6e-7c1a-7000-8000-000000000a01',
  startedAt: '2026-11-30T17:30:00.412Z',
  finishedAt: '2026-11-30T17:30:03.870Z',
  status: 'ok',
  result: {
    summary: '68 tagihan diterbitkan (periode s.d. 2026-11-30)',
    summaryEn: '68 statements issued (periods ending 2026-11-30)',
    checked: 68,
    changed: 68,
    failures: [],
  },
  trigger: 'schedule',
} as const;

export const jobsExample: Static<typeof JobList> = {
  items: [
    {
      name: 'close-settlement-periods',
      title: 'Tutup periode penagihan',
      titleEn: 'Close settlement periods',
      schedule: 'Setiap hari pukul 00.30 WIB',
      scheduleEn: 'Every day at 00:30 WIB',
      lastRun: { ...closeRun, result: { ...closeRun.result, failures: [] } },
      nextRunAt: '2026-12-01T17:30:00.000Z',
      running: false,
    },
    {
      name: 'monthly-subsidy',
      title: 'Subsidi operasional bulanan',
      titleEn: 'Monthly operational subsidy',
      schedule: 'Setiap tanggal 1 pukul 01.00 WIB',
      scheduleEn: 'On the 1st of every month at 01:00 WIB',
      lastRun: {
        id: '01936f6e-7c1a-7000-8000-000000000a02',
        startedAt: '2026-11-30T18:00:00.233Z',
        finishedAt: '2026-11-30T18:00:02.020Z',
        status: 'failed',
        result: {
          summary: 'Subsidi 2026-11: tidak ada keputusan baru; hub gagal: 1',
          summaryEn: 'Subsidy 2026-11: no new decision; hubs failed: 1',
          checked: 1,
          changed: 0,
          failures: [
            {
              orgId: EXAMPLE_IDS.hub,
              hubId: EXAMPLE_IDS.hub,
              orgName: 'Koperasi Kana — Cabang Jambi',
              code: 'ServiceUnavailable',
              message: 'Dihentikan karena server berhenti; dijalankan lagi pada putaran berikutnya',
              messageEn: 'Stopped because the server is stopping; it runs again on the next round',
            },
          ],
        },
        trigger: 'schedule',
      },
      nextRunAt: '2026-11-30T18:00:02.020Z',
      running: false,
    },
  ],
};

export const runJobExample: Static<typeof JobRun> = {
  name: 'close-settlement-periods',
  ...closeRun,
  result: { ...closeRun.result, failures: [] },
  trigger: 'manual',
  triggeredBy: '01936f6e-7c1a-7000-8000-0000000000e1',
};
