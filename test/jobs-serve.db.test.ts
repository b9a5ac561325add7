import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLumbung, type ServedLumbung } from '../bench/served.ts';
import { JOBS, ensureJobRows } from '../src/core/jobs/index.ts';
import { fixedClock } from '../src/core/shared/clock.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import type { Database } from '../src/db/database.ts';
import type { Kysely } from 'kysely';
import { ENGINES, createTestDatabase } from './helpers/engines.ts';
import { AFTER_MONTH_END, BEFORE_MONTH_END, buildMonthEndNetwork } from './helpers/month-end.ts';
import type { TestNetwork } from './helpers/network.ts';

/** 1 December 2026, 02:00 WIB, as `LUMBUNG_NOW` (the servers' clocks start there). */
const SERVER_NOW = new Date(AFTER_MONTH_END).toISOString();

/**
 * The check with the real product: two `lumbung serve` processes on
 * one database, their clocks past the end of November (`LUMBUNG_NOW`), their
 * runners looking every 0.2 s (`LUMBUNG_JOBS_INTERVAL`). The job rows were
 * made on the month's last day, as a server running then makes them. The
 * period is closed once and the subsidy run happens once: one statement per
 * cooperative, one grant each, one successful run per job.
 */
for (const engine of ENGINES) {
  describe(`the month end with two server processes on one ${engine} database`, () => {
    let db: Kysely<Database>;
    let close: () => Promise<void>;
    let url: string;
    let n: TestNetwork;
    const servers: ServedLumbung[] = [];

    beforeAll(async () => {
      if (engine === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'lumbung-jobs-'));
        url = `file:${join(dir, 'lumbung.sqlite')}`;
        const h = openDatabase(url);
        await migrateToLatest(h.db);
        db = h.db;
        close = async () => {
          await h.close();
          rmSync(dir, { recursive: true, force: true });
        };
      } else {
        const t = await createTestDatabase('postgres');
        ({ db, url } = t);
        close = () => t.close();
      }
      n = await buildMonthEndNetwork(db);
      await ensureJobRows(db, fixedClock(BEFORE_MONTH_END), JOBS);
    });
    afterAll(async () => {
      for (const s of servers) if (s.alive()) await s.kill();
      await close();
    });

    it('closes the period and runs the subsidy once', async () => {
      const env = { LUMBUNG_NOW: SERVER_NOW, LUMBUNG_JOBS_INTERVAL: '0.2' };
      servers.push(...(await Promise.all([serveLumbung(url, env), serveLumbung(url, env)])));
      const finished = () =>
        db
          .selectFrom('jobRun')
          .select(['jobName', 'status', 'trigger'])
          .orderBy('jobName')
          .execute();
      await expect.poll(finished, { timeout: 60_000, interval: 200 }).toHaveLength(3);
      // Both stop cleanly (their runners idle), then the database tells what happened.
      expect(await Promise.all(servers.map((s) => s.stop()))).toEqual([0, 0]);

      expect(await finished()).toEqual([
        { jobName: 'close-settlement-periods', status: 'ok', trigger: 'schedule' },
        { jobName: 'monthly-subsidy', status: 'ok', trigger: 'schedule' },
        { jobName: 'wajib-billing', status: 'ok', trigger: 'schedule' },
      ]);
      for (const coop of [n.coopA, n.coopB]) {
        const statements = await db
          .selectFrom('statement')
          .select(['periodEnd'])
          .where('orgId', '=', coop.id)
          .execute();
        expect(statements).toEqual([{ periodEnd: '2026-11-30' }]);
        const grants = await db
          .selectFrom('subsidyGrant')
          .select(['month', 'amount'])
          .where('orgId', '=', coop.id)
          .execute();
        expect(grants).toEqual([{ month: '2026-11', amount: 2_000_000 }]);
      }
      expect(await db.selectFrom('subsidyRun').select('month').execute()).toEqual([
        { month: '2026-11' },
      ]);
      expect(
        await db.selectFrom('job').select(['name', 'leaseOwner']).orderBy('name').execute(),
      ).toEqual([
        { name: 'close-settlement-periods', leaseOwner: null },
        // Due at 02:30 WIB, after this server's clock.
        { name: 'credit-loss-provision', leaseOwner: null },
        { name: 'depreciation', leaseOwner: null },
        { name: 'month-partitions', leaseOwner: null },
        { name: 'monthly-subsidy', leaseOwner: null },
        { name: 'wajib-billing', leaseOwner: null },
      ]);
    });
  });
}
