import { describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase } from '../../test/helpers/engines.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { fixedClock } from '../core/shared/clock.ts';
import { seedDemo } from './seed-demo.ts';

for (const engine of ENGINES) {
  describe(`demo seed on ${engine}`, () => {
    // The seed runs up to "today": its first day may be a month end, a
    // statement day or a subsidy day. 2026-11-29 00:30 WIB starts 3 days back
    // on 2026-11-26; 2026-12-04 00:30 WIB starts on the month end 2026-11-30.
    for (const now of ['2026-11-28T17:30:00Z', '2026-12-03T17:30:00Z']) {
      it(`builds the Kota Jambi network and its books verify (today ${now})`, async () => {
        const t = await createTestDatabase(engine);
        try {
          const summary = await seedDemo(t.db, { days: 4, realClock: fixedClock(now) });
          expect(summary.cooperatives).toBe(68);
          expect(summary.sales).toBeGreaterThan(0);
          const users = await t.db.selectFrom('appUser').select('email').execute();
          expect(users.map((u) => u.email)).toEqual(
            expect.arrayContaining([
              'admin@kana.demo',
              'gudang@kana.demo',
              'dinas@jambikota.demo',
              'simpang-iv-sipin@kdkmp.demo',
              'kasir.simpang-iv-sipin@kdkmp.demo',
            ]),
          );
          // Hub admin and staff, the office, and a manager and a cashier for each of the 68;
          // Sembako Bahagia's program admin and its five activated participants.
          expect(users).toHaveLength(3 + 68 * 2 + 1 + 5);
          const orders = await t.db.selectFrom('sembakoOrder').select(['status', 'nip']).execute();
          expect(orders.length).toBeGreaterThan(300);
          expect(orders.filter((o) => o.status === 'picked_up').length).toBeGreaterThan(100);
          // Every ASN who ordered handed in a signed surat kuasa (a PDF) first.
          const scans = await t.db
            .selectFrom('sembakoPayrollAuthorization')
            .select(['nip', 'contentType'])
            .execute();
          expect(new Set(scans.map((s) => s.nip))).toEqual(new Set(orders.map((o) => o.nip)));
          expect(new Set(scans.map((s) => s.contentType))).toEqual(new Set(['application/pdf']));
          expect((await verifyDatabase(t.db)).checks.filter((c) => !c.ok)).toEqual([]);
        } finally {
          await t.close();
        }
        // The whole demo on PostgreSQL takes about 100 s alone on a 2-core machine, longer beside
        // the other test files: a time limit for a hung seed, not a speed check.
      }, 360_000);
    }
  });
}
