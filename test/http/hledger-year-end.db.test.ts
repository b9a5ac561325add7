import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';
import { moveClock, seedYear2026 } from '../helpers/rat-pack-year.ts';

/** hledger is on the CI machine (.ci/run installs it): there the check never skips. */
const HLEDGER = spawnSync('hledger', ['--version']).status === 0;

/** Each top-level account's balance as hledger reads the journal up to (not including) `end`. */
function hledgerTotals(journal: string, end: string): Map<string, number> {
  const csv = execFileSync(
    'hledger',
    ['-f', '-', 'balance', '--depth', '1', '-e', end, '--layout', 'bare', '-O', 'csv'],
    { input: journal, encoding: 'utf8' },
  );
  const totals = new Map<string, number>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const cells = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    const amount = Number(cells[cells.length - 1]!.replace(/[^\d-]/g, '') || 0);
    totals.set(cells[0]!, amount);
  }
  return totals;
}

/**
 * hledger reads cooperative A's journal after its 2026 close, and its balance
 * sheet at the year end equals ours: assets, liabilities, and equity with the
 * year's SHU (the closing entry has moved revenue and expenses into the
 * allocation accounts, so they are nil).
 */
for (const engine of ENGINES) {
  describe.skipIf(!HLEDGER && !process.env.CI)(
    `hledger after the year-end close (${engine})`,
    () => {
      let f: HttpFixture;
      let coop = '';

      beforeAll(async () => {
        f = await buildHttpFixture(engine);
        ({ coop } = await seedYear2026(f));
        await moveClock(f, '2027-01-05T03:00:00Z');
        const close = await callAs(
          f,
          'managerA',
          'POST',
          `/api/v1/cooperatives/${coop}/fiscal-years/2026/close`,
          {},
        );
        expect([200, 201], close.body).toContain(close.statusCode);
      });
      afterAll(() => f.close());

      it("hledger's assets, liabilities and equity at 2026-12-31 are the balance sheet's", async () => {
        const journal = await callAs(
          f,
          'managerA',
          'GET',
          `/api/v1/orgs/${coop}/ledger/journal?format=hledger`,
        );
        expect(journal.statusCode, journal.body).toBe(200);
        expect(journal.body).toContain('fiscal_year_close');
        const statements = await callAs(
          f,
          'managerA',
          'GET',
          `/api/v1/orgs/${coop}/ledger/statements?year=2026`,
        );
        expect(statements.statusCode, statements.body).toBe(200);
        const bs = statements.json().balanceSheet as {
          assets: number;
          liabilities: number;
          equity: number;
        };
        expect(bs.assets).toBeGreaterThan(0);

        const h = hledgerTotals(journal.body, '2027-01-01');
        const of = (account: string) => h.get(account) ?? 0;
        expect({
          assets: of('Aset'),
          liabilities: -of('Liabilitas'),
          equity: -of('Ekuitas'),
          revenueAndExpenses: of('Pendapatan') + of('Beban'),
        }).toEqual({
          assets: bs.assets,
          liabilities: bs.liabilities,
          equity: bs.equity,
          revenueAndExpenses: 0,
        });
      });
    },
  );
}
