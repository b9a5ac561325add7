import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSales } from '../../src/core/consignment/index.ts';
import { closeSettlementPeriod, recordPayment } from '../../src/core/settlement/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { addDays } from '../../src/core/shared/business-date.ts';
import type { ForecastWeek as Week } from '../../src/core/treasury/index.ts';
import { loadForecastHistory } from '../../src/core/treasury/forecast.read-model.ts';
import { networkCollections, sumBetween } from '../../src/core/treasury/forecast.ts';
import { forecastOfWeek } from '../../src/core/treasury/backtest.ts';
import { updateParticipation } from '../../src/core/network/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

/**
 * The 13-week forecast on a small history worked out by hand. KDKMP A
 * (monthly, 14 days' terms) bought 10 gula at Rp 16.000 on 15 Jan; January's
 * bill (due 14 Feb) was paid 7 days late on 21 Feb; it sold 5 on 20 Feb and 2
 * on 3 Mar. KDKMP B sold 1 on 10 Feb and has never paid anything. The hub
 * received the fixture's goods (Rp 36.550.000 from PT Uji, 30 days) on 10 Mar,
 * today, a Tuesday; both cooperatives get Rp 2.000.000 a month paid out.
 */
for (const engine of ENGINES) {
  describe(`cash flow forecast (${engine})`, () => {
    let f: HttpFixture;
    const at = (date: string) => f.n.clock.set(`${date}T03:00:00Z`);
    const sell = async (coopId: string, date: string, qty: number) => {
      at(date);
      const [r] = await recordSales(f.t.db, f.n.ctx, coopId, [
        {
          id: newId(),
          occurredAt: `${date}T03:00:00Z`,
          paymentMethod: 'cash',
          lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
        },
      ]);
      expect(r?.status).toBe('created');
    };
    const close = async (periodEnd: string, today: string) => {
      at(today);
      await closeSettlementPeriod(f.t.db, f.n.ctx, f.n.hub.id, { periodEnd });
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      await sell(f.n.coopA.id, '2026-01-15', 10);
      await close('2026-01-31', '2026-02-01');
      await sell(f.n.coopB.id, '2026-02-10', 1);
      await sell(f.n.coopA.id, '2026-02-20', 5);
      at('2026-02-21');
      await recordPayment(f.t.db, f.n.ctx, f.n.coopA.id, {
        id: newId(),
        amount: 160_000,
        method: 'transfer',
        reference: 'TRF tagihan Januari',
      });
      await close('2026-02-28', '2026-03-01');
      await sell(f.n.coopA.id, '2026-03-03', 2);
      at('2026-03-10');
    });
    afterAll(() => f.close());

    it('puts each collection in the week of its due date + the days late, supplier invoices and subsidy in theirs, and accumulates the cash', async () => {
      const res = await callAs(f, 'hubStaff', 'GET', '/api/v1/treasury/forecast');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { asOf: string; cashToday: number; weeks: Week[] };
      expect(body.asOf).toBe('2026-03-10');
      expect(body.cashToday).toBe(160_000);
      expect(body.weeks).toHaveLength(13);
      expect(body.weeks[0]!.weekStart).toBe('2026-03-09');
      const moving = body.weeks
        .filter((w) => w.expectedIn || w.expectedOut)
        .map(({ closingCash: _c, net: _n, expectedIn: _i, expectedOut: _o, ...w }) => w);
      expect(moving).toEqual([
        // February's bills, due 14 Mar, + 7 days (B has no history of its own: the network's).
        {
          weekStart: '2026-03-16',
          statementCollections: 80_000 + 16_000,
          salesSettlements: 0,
          supplierPayments: 0,
          subsidyPayouts: 0,
        },
        // The goods receipt due 9 Apr; March's subsidy paid 7 days after 1 Apr.
        {
          weekStart: '2026-04-06',
          statementCollections: 0,
          salesSettlements: 0,
          supplierPayments: 36_550_000,
          subsidyPayouts: 4_000_000,
        },
        // March: 32,000 sold + 21 days at 4,000 a day (112,000 over the last 28), due 14 Apr + 7.
        {
          weekStart: '2026-04-20',
          statementCollections: 0,
          salesSettlements: 116_000,
          supplierPayments: 0,
          subsidyPayouts: 0,
        },
        {
          weekStart: '2026-05-04',
          statementCollections: 0,
          salesSettlements: 0,
          supplierPayments: 0,
          subsidyPayouts: 4_000_000,
        },
        // April: 30 days × 4,000, due 14 May + 7.
        {
          weekStart: '2026-05-18',
          statementCollections: 0,
          salesSettlements: 120_000,
          supplierPayments: 0,
          subsidyPayouts: 0,
        },
      ]);
      expect(body.weeks.at(-1)!.closingCash).toBe(
        160_000 + 96_000 + 116_000 + 120_000 - 36_550_000 - 8_000_000,
      );
      for (const [i, w] of body.weeks.entries()) {
        expect(w.net).toBe(w.expectedIn - w.expectedOut);
        expect(w.closingCash).toBe((i ? body.weeks[i - 1]!.closingCash : 160_000) + w.net);
      }
    });

    it('backtests on the past weeks: 21 Feb was expected by nobody, forecast and baseline alike', async () => {
      const res = await callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/forecast?weeks=2');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { weeks: Week[]; backtest: object };
      expect(body.weeks).toHaveLength(2);
      expect(body.backtest).toEqual({
        weeks: 1,
        mape: 100,
        baselineMape: 100,
        horizonWeeks: 1,
        receivedThrough: '2026-03-09',
        points: [
          { weekStart: '2026-02-16', forecast: 0, baseline: 0, actual: 160_000 },
          { weekStart: '2026-02-23', forecast: 0, baseline: 40_000, actual: 0 },
          { weekStart: '2026-03-02', forecast: 0, baseline: 40_000, actual: 0 },
        ],
      });
    });

    it('keeps each past week’s forecast once made: the next request scores the kept one, not a rerun', async () => {
      const kept = () =>
        f.t.db
          .selectFrom('forecastWeek')
          .select(['weekStart', 'forecast'])
          .where('orgId', '=', f.n.hub.id)
          .orderBy('weekStart')
          .execute();
      expect(await kept()).toEqual([
        { weekStart: '2026-02-16', forecast: 0 },
        { weekStart: '2026-02-23', forecast: 0 },
        { weekStart: '2026-03-02', forecast: 0 },
      ]);
      const keepFirstWeek = (forecast: number) =>
        f.t.db
          .updateTable('forecastWeek')
          .set({ forecast })
          .where('orgId', '=', f.n.hub.id)
          .where('weekStart', '=', '2026-02-16')
          .execute();
      // Were the week of 16 Feb rerun, it would say 0 again: the kept 150.000 is what is scored.
      await keepFirstWeek(150_000);
      const body = (await callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/forecast?weeks=2')).json();
      expect(body.backtest.points[0]).toEqual({
        weekStart: '2026-02-16',
        forecast: 150_000,
        baseline: 0,
        actual: 160_000,
      });
      expect(body.backtest.mape).toBeCloseTo(6.25, 10); // |150.000 − 160.000| ÷ 160.000
      await keepFirstWeek(0);
    });

    it('reads only the recent days of sales for today, and expects what the whole history would', async () => {
      const today = '2026-03-10';
      const { coops } = await loadForecastHistory(f.t.db, f.n.hub.id, today, { whole: false });
      // After A's last statement (28 Feb) and the velocity's 28 days from 11 Feb: B's sale of
      // 10 Feb is not read, only its first day.
      const b = coops.find((c) => c.id === f.n.coopB.id)!;
      expect(b.charges).toEqual([]);
      expect(b.firstSaleDay).toBe('2026-02-10');
      const whole = (await loadForecastHistory(f.t.db, f.n.hub.id, today)).coops;
      const body = (await callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/forecast')).json() as {
        weeks: Week[];
      };
      const expected = networkCollections(whole, today, today, addDays('2026-03-09', 7 * 13 - 1));
      for (const w of body.weeks) {
        const end = addDays(w.weekStart, 6);
        expect([w.statementCollections, w.salesSettlements]).toEqual([
          sumBetween(expected.statements.byDate, w.weekStart, end),
          sumBetween(expected.sales.byDate, w.weekStart, end),
        ]);
      }
    });

    it('refuses a horizon outside 1–26 weeks', async () => {
      const res = await callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/forecast?weeks=27');
      expect(res.statusCode).toBe(400);
    });

    it('sums the hub’s day: cash, the lowest week ahead, limits, overdue and its month ends', async () => {
      const res = await callAs(f, 'hubStaff', 'GET', '/api/v1/treasury/summary');
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json();
      expect(s.cashToday).toBe(160_000);
      expect(s.forecast.weeks).toHaveLength(13);
      expect(s.forecast.lowest).toEqual({
        weekStart: '2026-05-04',
        closingCash: 160_000 + 96_000 + 116_000 - 36_550_000 - 8_000_000,
      });
      expect(s.exposure).toMatchObject({ limit: 100_000_000, cooperatives: 2, nearLimit: 0 });
      // Nothing is past due on 10 Mar (February's bills are due on the 14th).
      expect(s.overdue).toMatchObject({ amount: 0, cooperatives: 0, onHold: 0 });
      expect(s.overdue.trend.map((p: { month: string }) => p.month)).toEqual([
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
      ]);
      expect(s.unmatchedBankLines).toBe(0);
      // The provision and the riskiest cooperatives are the risk overview's own.
      const risk = (await callAs(f, 'hubStaff', 'GET', '/api/v1/treasury/risk')).json();
      expect(s.provision.total).toBe(risk.provision.total);
      expect(s.riskiest.map((c: { id: string }) => c.id)).toEqual(
        risk.cooperatives
          .filter((c: { score: number }) => c.score > 0)
          .slice(0, 10)
          .map((c: { id: string }) => c.id),
      );
    });

    it('is the hub’s alone: cooperatives and the city office are refused', async () => {
      for (const user of ['managerA', 'cashierA', 'govViewer'] as const)
        for (const url of ['/api/v1/treasury/forecast', '/api/v1/treasury/summary'])
          expect((await callAs(f, user, 'GET', url)).statusCode).toBe(403);
    });

    // Last: it writes documents the tests above do not expect.
    it('forgets the kept weeks a document dated before them changes, and works them out again', async () => {
      const hub = f.n.hub.id;
      const keptWeeks = () =>
        f.t.db
          .selectFrom('forecastWeek')
          .select(['weekStart', 'forecast'])
          .where('orgId', '=', hub)
          .orderBy('weekStart')
          .execute();
      const forecastNow = () => callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/forecast');
      // A mark on every kept week shows which ones are worked out again.
      const mark = () => f.t.db.updateTable('forecastWeek').set({ forecast: 1 }).execute();
      const recomputed = async (weeks: string[]) => {
        const { coops } = await loadForecastHistory(f.t.db, hub, '2026-03-10');
        return weeks.map((weekStart) => ({
          weekStart,
          forecast: forecastOfWeek(coops, weekStart),
        }));
      };
      expect((await forecastNow()).statusCode).toBe(200);
      await mark();
      // Today, 10 Mar, B's transfer received on Friday 20 Feb is recorded: the weeks from 23 Feb
      // knew it; the week from 16 Feb did not.
      await recordPayment(f.t.db, f.n.ctx, f.n.coopB.id, {
        id: newId(),
        amount: 17_500,
        receivedOn: '2026-02-20',
        method: 'transfer',
        reference: 'TRF 20 Feb dicatat terlambat',
      });
      expect(await keptWeeks()).toEqual([{ weekStart: '2026-02-16', forecast: 1 }]);
      const body = (await forecastNow()).json() as { backtest: { points: { forecast: number }[] } };
      const again = await recomputed(['2026-02-23', '2026-03-02']);
      expect(await keptWeeks()).toEqual([{ weekStart: '2026-02-16', forecast: 1 }, ...again]);
      expect(body.backtest.points.map((p) => p.forecast)).toEqual([
        1,
        ...again.map((w) => w.forecast),
      ]);
      // A change of B's terms, even from a later day, forgets every kept week: the terms in force
      // on a later period end reach the forecasts of the weeks before it.
      await mark();
      await updateParticipation(f.t.db, f.n.ctx, f.n.coopB.id, {
        paymentTermsDays: 21,
        effectiveFrom: '2026-03-20',
        reason: 'Perpanjangan tempo pembayaran',
      });
      expect(await keptWeeks()).toEqual([]);
      // A sale of today and a payment of last week change no kept week: nothing is forgotten.
      await forecastNow();
      await mark();
      await sell(f.n.coopA.id, '2026-03-10', 1);
      await recordPayment(f.t.db, f.n.ctx, f.n.coopA.id, {
        id: newId(),
        amount: 17_500,
        receivedOn: '2026-03-04',
        method: 'transfer',
        reference: 'TRF 4 Mar',
      });
      expect((await keptWeeks()).map((w) => w.forecast)).toEqual([1, 1, 1]);
    });

    it('forgets, at a period close run late, the kept weeks and month ends from its period end on', async () => {
      const hub = f.n.hub.id;
      const kept = async () => ({
        weeks: (
          await f.t.db
            .selectFrom('forecastWeek')
            .select(['weekStart', 'forecast'])
            .where('orgId', '=', hub)
            .orderBy('weekStart')
            .execute()
        ).map((w) => `${w.weekStart}:${w.forecast}`),
        monthEnds: (
          await f.t.db
            .selectFrom('positionMonthEnd')
            .select('monthEnd')
            .where('orgId', '=', hub)
            .orderBy('monthEnd')
            .execute()
        ).map((m) => m.monthEnd),
      });
      // 20 April: March was never closed. The overview keeps the weeks and month ends over by
      // more than 7 days (up to 13 April), among them those after 31 March.
      at('2026-04-20');
      expect((await callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/summary')).statusCode).toBe(200);
      await f.t.db.updateTable('forecastWeek').set({ forecast: 1 }).execute();
      const before = await kept();
      expect(before.weeks).toContain('2026-04-06:1');
      expect(before.monthEnds).toContain('2026-03-31');
      await close('2026-03-31', '2026-04-20');
      const after = await kept();
      // The March statement is dated 31 March: what was kept from then on is forgotten.
      expect(after.weeks).toEqual(before.weeks.filter((w) => w < '2026-04'));
      expect(after.weeks.length).toBeGreaterThan(0);
      expect(after.monthEnds).toEqual(before.monthEnds.filter((m) => m < '2026-03-31'));
    });
  });
}
