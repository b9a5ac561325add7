import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/core/access/index.ts';
import { recordSales } from '../../src/core/consignment/index.ts';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { findJobDefinition } from '../../src/core/jobs/index.ts';
import { getRegionTrends } from '../../src/core/region/index.ts';
import { closeSettlementPeriod, recordPayment } from '../../src/core/settlement/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import type { Db } from '../../src/db/database.ts';
import { consignGula } from '../helpers/consigned-stock.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

interface Warning {
  kind: string;
  date: string;
  amount: number;
  text: string;
  whatsappUrl: string;
}

/**
 * A small history worked out by hand (terms 14 days, grace 7, monthly
 * periods, gula 1 kg at k = Rp 16.000): A and B each sell 100 packs on 20
 * January (Rp 1.600.000 billed on the January statement, due 14 February).
 * B pays in full on 10 February; A pays Rp 400.000 on 10 March and nothing
 * more. B sells 100 packs on 5 June and pays Rp 400.000 on 8 June.
 *
 * Month-end roll rates (statement by statement):
 * - Jan→Feb: current 3.200.000, of it 1.600.000 (A) is 14 days late on 28 Feb: 50 %;
 * - Feb→Mar: 1–30 1.600.000, 1.200.000 unpaid and 45 days late on 31 Mar: 75 %;
 * - Mar→Apr: 31–60 1.200.000 → 61–90: 100 %; Apr→May: 61–90 1.200.000 → >90: 100 %.
 * Loss rates (chain to >90): current 50·75·100·100 % = 37,5 %; 1–30 75 %; the rest 100 %.
 *
 * On 10 June: A owes 1.200.000 (>90 days), B 1.200.000 not yet billed (current):
 * provision = 1.200.000 × 37,5 % + 1.200.000 × 100 % = 1.650.000.
 * DSO (90 days from 12 March): receivables 2.400.000 ÷ sales 1.600.000 × 90 = 135 days.
 * CEI: opening 1.200.000 (A), charges 1.600.000, closing 2.400.000, of it current 1.200.000:
 * (1.2 + 1.6 − 2.4) ÷ (1.2 + 1.6 − 1.2) = 25 %.
 */
for (const engine of ENGINES) {
  describe(`credit risk, provision and early warning (${engine})`, () => {
    let f: HttpFixture;
    /** Moves the clock, with fresh tokens for the hub's users (a token does not live for months). */
    const at = async (iso: string) => {
      f.n.clock.set(iso);
      for (const key of ['hubAdmin', 'hubStaff'] as const) {
        const u = await f.t.db
          .selectFrom('appUser')
          .select('id')
          .where('email', '=', f.emails[key])
          .executeTakeFirstOrThrow();
        f.tokens[key] = (await issueToken(f.t.db, u.id, 'api', f.n.clock)).token;
      }
    };
    const tx = <T>(fn: (db: Db) => Promise<T>) => f.t.db.transaction().execute(fn);
    const sell = (coopId: string, day: string) =>
      tx((db) =>
        recordSales(db, f.n.ctx, coopId, [
          {
            id: newId(),
            occurredAt: `${day}T03:00:00Z`,
            paymentMethod: 'cash',
            lines: [{ productId: f.n.gula1.id, qty: 100, unitPrice: 17_500 }],
          },
        ]),
      );
    const pay = (coopId: string, day: string, amount: number) =>
      tx((db) =>
        recordPayment(db, f.n.ctx, coopId, {
          id: newId(),
          amount,
          receivedOn: day,
          method: 'transfer',
          reference: 'uji',
        }),
      );
    const warnings = async () => {
      const res = await callAs(
        f,
        'hubStaff',
        'GET',
        `/api/v1/cooperatives/${f.n.coopA.id}/dashboard`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { earlyWarnings: Warning[] }).earlyWarnings;
    };
    const ckpn = async () => {
      const rows = await f.t.db
        .selectFrom('accountBalance')
        .selectAll()
        .where('orgId', '=', f.n.hub.id)
        .where('accountCode', 'in', ['1209', '5401'])
        .execute();
      const of = (code: string) =>
        rows.filter((r) => r.accountCode === code).reduce((t, r) => t + r.debit - r.credit, 0);
      return { allowance: -of('1209'), expense: of('5401') };
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      await at('2026-01-10T03:00:00Z');
      await consignGula(f, f.n.coopA.id, 200);
      await consignGula(f, f.n.coopB.id, 200);
      await sell(f.n.coopA.id, '2026-01-20');
      await sell(f.n.coopB.id, '2026-01-20');
      await at('2026-01-31T18:00:00Z');
      await tx((db) => closeSettlementPeriod(db, f.n.ctx, f.n.hub.id, { periodEnd: '2026-01-31' }));
    });
    afterAll(() => f.close());

    it('warns on the dashboard days before a statement falls due and before a hold stops deliveries', async () => {
      await at('2026-02-10T03:00:00Z');
      await pay(f.n.coopB.id, '2026-02-10', 1_600_000);
      const due = await warnings();
      expect(due.map((w) => [w.kind, w.date, w.amount])).toEqual([
        ['due', '2026-02-14', 1_600_000],
      ]);
      expect(due[0]!.text).toContain('Rp 1.600.000 jatuh tempo 14 Februari 2026 (4 hari lagi)');
      expect(due[0]!.whatsappUrl).toMatch(/^https:\/\/wa\.me\/\d*\?text=/);
      await at('2026-02-17T03:00:00Z');
      const hold = await warnings();
      expect(hold.map((w) => [w.kind, w.date, w.amount])).toEqual([
        ['hold', '2026-02-21', 1_600_000],
      ]);
      expect(hold[0]!.text).toContain('pengiriman barang dihentikan mulai 22 Februari 2026');
      await at('2026-03-01T03:00:00Z');
      expect(await warnings()).toEqual([]);
    });

    it('computes DSO, CEI, roll rates and the provision matrix of the history', async () => {
      await at('2026-03-10T03:00:00Z');
      await pay(f.n.coopA.id, '2026-03-10', 400_000);
      await at('2026-06-05T03:00:00Z');
      await sell(f.n.coopB.id, '2026-06-05');
      await at('2026-06-08T03:00:00Z');
      await pay(f.n.coopB.id, '2026-06-08', 400_000);
      await at('2026-06-10T03:00:00Z');
      const res = await callAs(f, 'hubStaff', 'GET', '/api/v1/treasury/risk');
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect([r.dso, r.cei]).toEqual([135, 25]);
      expect(
        r.rollRates
          .filter((m: { steps: { base: number }[] }) => m.steps.some((s) => s.base > 0))
          .map((m: { month: string; steps: { base: number; rolled: number }[] }) => [
            m.month,
            m.steps.map((s) => [s.base, s.rolled]),
          ]),
      ).toEqual([
        [
          '2026-02',
          [
            [3_200_000, 1_600_000],
            [0, 0],
            [0, 0],
            [0, 0],
          ],
        ],
        [
          '2026-03',
          [
            [0, 0],
            [1_600_000, 1_200_000],
            [0, 0],
            [0, 0],
          ],
        ],
        [
          '2026-04',
          [
            [0, 0],
            [0, 0],
            [1_200_000, 1_200_000],
            [0, 0],
          ],
        ],
        [
          '2026-05',
          [
            [0, 0],
            [0, 0],
            [0, 0],
            [1_200_000, 1_200_000],
          ],
        ],
      ]);
      expect(
        r.provision.matrix.rows.map(
          (x: { bucket: string; balance: number; rateBps: number; provision: number }) => [
            x.bucket,
            x.balance,
            x.rateBps,
            x.provision,
          ],
        ),
      ).toEqual([
        ['current', 1_200_000, 3_750, 450_000],
        ['d1to30', 0, 7_500, 0],
        ['d31to60', 0, 10_000, 0],
        ['d61to90', 0, 10_000, 0],
        ['d90plus', 1_200_000, 10_000, 1_200_000],
      ]);
      expect(r.provision.total).toBe(1_650_000);
      expect(r.provision.byBucket).toEqual({
        current: 450_000,
        d1to30: 0,
        d31to60: 0,
        d61to90: 0,
        d90plus: 1_200_000,
      });
    });

    it('names the late payer with its reasons, riskiest first', async () => {
      const r = (await callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/risk')).json();
      const [first, second] = r.cooperatives;
      expect(first.id).toBe(f.n.coopA.id);
      expect(first.score).toBeGreaterThan(second.score);
      expect(first.reasons.map((x: { code: string }) => x.code)).toContain('late_payments');
      const late = first.reasons.find((x: { code: string }) => x.code === 'late_payments');
      expect(late.text).toBe(
        'Terlambat membayar hingga 116 hari (1 tagihan terlambat dalam 12 bulan)',
      );
      expect(late.textEn).toBe('Paid up to 116 days late (1 late statements in 12 months)');
      expect(second.reasons).toEqual([]);
    });

    it("shows on the hub's summary what was overdue at each of the last six month ends, as the region's trends count it", async () => {
      const s = (await callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/summary')).json();
      // A's January bill, due 14 Feb: 1.600.000 late at the end of February, 1.200.000 after its
      // payment of 10 March; B paid before the due date, and its June sale is not billed yet.
      expect(
        s.overdue.trend.map((p: { month: string; asOf: string; amount: number }) => [
          p.month,
          p.asOf,
          p.amount,
        ]),
      ).toEqual([
        ['2026-01', '2026-01-31', 0],
        ['2026-02', '2026-02-28', 1_600_000],
        ['2026-03', '2026-03-31', 1_200_000],
        ['2026-04', '2026-04-30', 1_200_000],
        ['2026-05', '2026-05-31', 1_200_000],
        ['2026-06', '2026-06-10', 1_200_000],
      ]);
      const region = await getRegionTrends(
        f.t.db,
        f.n.clock,
        { hubIds: [f.n.hub.id] },
        { months: 6 },
      );
      expect(s.overdue.trend.map((p: { amount: number }) => p.amount)).toEqual(
        region.items.map((p) => p.overdueAmount),
      );
    });

    it("shows on the hub's summary today's overdue as the network aging lists it", async () => {
      const s = (await callAs(f, 'hubAdmin', 'GET', '/api/v1/treasury/summary')).json();
      const aging = (await callAs(f, 'hubAdmin', 'GET', '/api/v1/settlements/aging')).json();
      type Item = { overdueAmount: number; onHold: boolean };
      // A still owes 1.200.000 of January, long past its grace days: on hold.
      expect(s.overdue).toMatchObject({ amount: 1_200_000, cooperatives: 1, onHold: 1 });
      expect(s.overdue).toMatchObject({
        amount: aging.totals.overdueAmount,
        balanceDue: aging.totals.balanceDue,
        cooperatives: aging.items.filter((i: Item) => i.overdueAmount > 0).length,
        onHold: aging.items.filter((i: Item) => i.onHold).length,
      });
    });

    it('books the allowance (CKPN) once per month end, posting only the change', async () => {
      const may = await callAs(f, 'hubAdmin', 'POST', '/api/v1/treasury/provision', {
        periodEnd: '2026-05-31',
      });
      expect(may.statusCode, may.body).toBe(201);
      // On 31 May only A's 1.200.000 (>90 days) was open.
      expect(may.json()).toMatchObject({
        total: 1_200_000,
        previousTotal: 0,
        adjustment: 1_200_000,
      });
      const again = await callAs(f, 'hubAdmin', 'POST', '/api/v1/treasury/provision', {
        periodEnd: '2026-05-31',
      });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(may.json());
      expect(await ckpn()).toEqual({ allowance: 1_200_000, expense: 1_200_000 });
      const earlier = await callAs(f, 'hubAdmin', 'POST', '/api/v1/treasury/provision', {
        periodEnd: '2026-04-30',
      });
      expect(earlier.statusCode).toBe(409);
      const staff = await callAs(f, 'hubStaff', 'POST', '/api/v1/treasury/provision', {
        periodEnd: '2026-06-30',
      });
      expect(staff.statusCode).toBe(403);

      await at('2026-07-01T03:00:00Z');
      const june = await callAs(f, 'hubAdmin', 'POST', '/api/v1/treasury/provision', {
        periodEnd: '2026-06-30',
      });
      expect(june.statusCode, june.body).toBe(201);
      expect(june.json()).toMatchObject({
        total: 1_650_000,
        previousTotal: 1_200_000,
        adjustment: 450_000,
      });
      expect(await ckpn()).toEqual({ allowance: 1_650_000, expense: 1_650_000 });
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      const risk = (await callAs(f, 'hubStaff', 'GET', '/api/v1/treasury/risk')).json();
      expect(risk.provision.posted).toEqual({ periodEnd: '2026-06-30', total: 1_650_000 });

      // The job books July on 1 August (nothing changed: a row, no journal entry), once.
      await at('2026-08-01T03:00:00Z');
      const job = findJobDefinition('credit-loss-provision')!;
      const run = () =>
        job.run(f.t.db, {
          ctx: { clock: f.n.clock, actor: { userId: 'system:jobs', role: '' } },
          runId: newId(),
          trigger: 'manual',
          signal: new AbortController().signal,
        });
      expect((await run()).changed).toBe(1);
      expect((await run()).changed).toBe(0);
      const july = await f.t.db
        .selectFrom('creditLossProvision')
        .selectAll()
        .where('periodEnd', '=', '2026-07-31')
        .executeTakeFirstOrThrow();
      expect([july.total, july.adjustment]).toEqual([1_650_000, 0]);
      expect(await ckpn()).toEqual({ allowance: 1_650_000, expense: 1_650_000 });
    });

    // Last: it records a payment the tests above do not expect.
    it('keeps each past month end once worked out, answers the same from it, and forgets it when a document dated on or before it comes', async () => {
      await at('2026-08-20T03:00:00Z');
      const kept = async () =>
        (
          await f.t.db
            .selectFrom('positionMonthEnd')
            .select('monthEnd')
            .where('orgId', '=', f.n.hub.id)
            .orderBy('monthEnd')
            .execute()
        ).map((r) => r.monthEnd);
      const read = async () => [
        (await callAs(f, 'hubStaff', 'GET', '/api/v1/treasury/risk')).json(),
        (await callAs(f, 'hubStaff', 'GET', '/api/v1/treasury/summary')).json(),
      ];
      const ends = [
        '2025-07-31',
        '2025-08-31',
        '2025-09-30',
        '2025-10-31',
        '2025-11-30',
        '2025-12-31',
        '2026-01-31',
        '2026-02-28',
        '2026-03-31',
        '2026-04-30',
        '2026-05-31',
        '2026-06-30',
        '2026-07-31',
      ];
      await f.t.db.deleteFrom('positionMonthEnd').execute();
      const first = await read();
      // The window's 13 month ends, each over by more than seven days on 20 August.
      expect(await kept()).toEqual(ends);
      expect(await read()).toEqual(first);
      // Worked out again from the documents alone, the overview is the same.
      await f.t.db.deleteFrom('positionMonthEnd').execute();
      expect(await read()).toEqual(first);
      expect(await kept()).toEqual(ends);
      expect(first[1].overdue.trend.map((p: { amount: number }) => p.amount)).toEqual([
        1_200_000, 1_200_000, 1_200_000, 1_200_000, 1_200_000, 1_200_000,
      ]);
      // Today A's transfer of 100.000 received on 20 April is recorded: the month ends from April
      // on are forgotten, and worked out again knowing it.
      await pay(f.n.coopA.id, '2026-04-20', 100_000);
      expect(await kept()).toEqual(ends.slice(0, 9));
      const [, summary] = await read();
      expect(summary.overdue.trend.map((p: { amount: number }) => p.amount)).toEqual([
        1_200_000, 1_100_000, 1_100_000, 1_100_000, 1_100_000, 1_100_000,
      ]);
      expect(await kept()).toEqual(ends);
    });
  });
}
