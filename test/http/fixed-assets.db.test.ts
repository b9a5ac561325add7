import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJobDefinition } from '../../src/core/jobs/index.ts';
import { postDepreciation } from '../../src/core/ledger/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture, type UserKey } from '../helpers/http.ts';

interface Asset {
  id: string;
  monthlyDepreciation: number;
  accumulatedDepreciation: number;
  bookValue: number;
  lastDepreciatedMonth: string | null;
}

/**
 * A cooperative's fixed assets: registered with their cost and life, then
 * depreciated straight line each month by the `depreciation` job (Dr 5105,
 * Cr 1509). The fixture's clock is 10 March 2026: February is the last month
 * that has ended.
 */
for (const engine of ENGINES) {
  describe(`fixed assets and depreciation over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const coop = () => f.n.coopA.id;
    const register = (body: object, user: UserKey = 'managerA', orgId = coop()) =>
      callAs(f, user, 'POST', `/api/v1/orgs/${orgId}/fixed-assets`, body);
    const assets = async (orgId = coop()) => {
      const res = await callAs(f, 'managerA', 'GET', `/api/v1/orgs/${orgId}/fixed-assets`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Asset[];
    };
    const balances = async (orgId = coop()) => {
      const res = await callAs(f, 'managerA', 'GET', `/api/v1/orgs/${orgId}/ledger/trial-balance`);
      const tb = res.json() as { accounts: { code: string; debit: number; credit: number }[] };
      return Object.fromEntries(tb.accounts.map((a) => [a.code, a.debit - a.credit]));
    };
    const runJob = () =>
      findJobDefinition('depreciation')!.run(f.t.db, {
        ctx: { clock: f.n.clock, actor: { userId: 'system:jobs', role: '' } },
        runId: newId(),
        trigger: 'manual',
        signal: new AbortController().signal,
      });
    // Bought on 1 January 2023: depreciated from January 2023 (the month it was bought on its 1st)
    // through December 2025.
    const truck = {
      id: randomUUID(),
      name: 'Mobil pikap pengantaran',
      accountCode: '1503',
      acquiredOn: '2023-01-01',
      cost: 12_000_000,
      residualValue: 0,
      usefulLifeMonths: 36,
      paidFromAccount: '1102',
    };
    // Bought on 15 January 2026: from February 2026; (1.000.000 − 100.000) / 10 = 90.000 a month.
    const scale = {
      id: randomUUID(),
      name: 'Timbangan digital',
      accountCode: '1502',
      acquiredOn: '2026-01-15',
      cost: 1_000_000,
      residualValue: 100_000,
      usefulLifeMonths: 10,
      paidFromAccount: '1101',
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(async () => {
      await f?.close();
    });

    it('the manager registers a vehicle bought through the bank: Dr 1503, Cr 1102; 333.333 a month', async () => {
      const res = await register(truck);
      expect(res.statusCode, res.body).toBe(201);
      // 12.000.000 / 36 = 333.333,33… → 333.333 a month.
      expect(res.json()).toMatchObject({
        id: truck.id,
        monthlyDepreciation: 333_333,
        accumulatedDepreciation: 0,
        bookValue: 12_000_000,
        lastDepreciatedMonth: null,
      });
      expect(await balances()).toMatchObject({ '1503': 12_000_000, '1102': -12_000_000 });
      expect((await register(scale)).statusCode).toBe(201);

      const again = await register(truck);
      expect(again.statusCode).toBe(200);
      const other = await register({ ...truck, cost: 13_000_000 });
      expect(other.json().code).toBe('IdempotencyConflict');
    });

    it('refuses a payment account that is an expense or kept by the system, and other roles', async () => {
      const body = (paidFromAccount: string) => ({ ...scale, id: randomUUID(), paidFromAccount });
      const expense = await register(body('5102'));
      expect(expense.statusCode).toBe(400);
      expect(expense.json().code).toBe('ValidationFailed');
      const consigned = await register(body('2101'));
      expect(consigned.statusCode).toBe(422);
      expect(consigned.json().code).toBe('AccountNotManual');
      expect((await register(body('1101'), 'cashierA')).statusCode).toBe(403);
      expect((await register(body('1101'), 'managerB')).statusCode).toBe(403);
      expect((await register(body('1101'), 'hubAdmin')).statusCode).toBe(403);
    });

    it('the job catches up every month once: 35 × 333.333 and 333.345 in the last; twice posts once', async () => {
      const first = await runJob();
      // 36 months of the vehicle (January 2023 – December 2025) and February 2026 of the scale.
      expect(first).toMatchObject({ checked: 1, changed: 37, failures: [] });
      expect((await runJob()).changed).toBe(0);

      const byId = new Map((await assets()).map((a) => [a.id, a]));
      expect(byId.get(truck.id)).toMatchObject({
        accumulatedDepreciation: 12_000_000,
        bookValue: 0,
        lastDepreciatedMonth: '2025-12',
      });
      expect(byId.get(scale.id)).toMatchObject({
        monthlyDepreciation: 90_000,
        accumulatedDepreciation: 90_000,
        bookValue: 910_000,
        lastDepreciatedMonth: '2026-02',
      });
      // 333.333 × 35 = 11.666.655; 12.000.000 − 11.666.655 = 333.345 in December 2025.
      const res = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/orgs/${coop()}/ledger/entries?documentType=depreciation&from=2025-11-01&to=2025-12-31`,
      );
      const entries = res.json().items as {
        date: string;
        lines: { accountCode: string; debit: number; credit: number }[];
      }[];
      expect(entries.map((e) => [e.date, e.lines])).toEqual([
        [
          '2025-11-30',
          [
            expect.objectContaining({ accountCode: '5105', debit: 333_333, credit: 0 }),
            expect.objectContaining({ accountCode: '1509', debit: 0, credit: 333_333 }),
          ],
        ],
        [
          '2025-12-31',
          [
            expect.objectContaining({ accountCode: '5105', debit: 333_345, credit: 0 }),
            expect.objectContaining({ accountCode: '1509', debit: 0, credit: 333_345 }),
          ],
        ],
      ]);
      // 12.000.000 + 90.000 on the accumulated depreciation and the expense.
      expect(await balances()).toMatchObject({ '1509': -12_090_000, '5105': 12_090_000 });
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    });

    it('months of a closed fiscal year are skipped and named', async () => {
      const b = f.n.coopB.id;
      const cart = {
        ...truck,
        id: randomUUID(),
        name: 'Gerobak',
        acquiredOn: '2024-07-01',
        cost: 1_200_000,
        usefulLifeMonths: 12,
      };
      const res = await callAs(f, 'managerB', 'POST', `/api/v1/orgs/${b}/fixed-assets`, cart);
      expect(res.statusCode, res.body).toBe(201);
      await f.t.db
        .insertInto('fiscalYearClose')
        .values({
          orgId: b,
          year: 2024,
          id: newId(),
          shu: 0,
          rules: '[]',
          allocation: '[]',
          createdBy: null,
          createdAt: '2025-02-01T00:00:00.000Z',
        })
        .execute();
      const r = await postDepreciation(f.t.db, f.n.ctx, { month: '2026-02', orgId: b });
      // July–December 2024 skipped; January–June 2025 posted at 100.000.
      expect(r.skippedClosed.map((s) => s.month)).toEqual([
        '2024-07',
        '2024-08',
        '2024-09',
        '2024-10',
        '2024-11',
        '2024-12',
      ]);
      expect(r.posted.map((p) => [p.month, p.amount])).toEqual(
        ['01', '02', '03', '04', '05', '06'].map((m) => [`2025-${m}`, 100_000]),
      );
    });
  });
}
