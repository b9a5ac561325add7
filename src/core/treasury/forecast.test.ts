import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtestCollections, mape, mondayOf } from './backtest.ts';
import {
  latenessByAllocation,
  latenessOf,
  spreadByLateness,
  type Spread,
} from './forecast-lateness.ts';
import { addDays } from '../shared/business-date.ts';
import { payoutLagOf, subsidyPayoutsOf, type GrantRow } from './forecast-outflows.ts';
import {
  networkCollections,
  periodEndOf,
  velocityOf,
  type CooperativeHistory,
} from './forecast.ts';

const monthly = [
  { settlementPeriod: 'monthly' as const, paymentTermsDays: 14, effectiveFrom: '2026-01-01' },
];
const coop = (id: string, over: Partial<CooperativeHistory> = {}): CooperativeHistory => ({
  id,
  startDate: '2026-01-01',
  endDate: null,
  terms: monthly,
  statements: [],
  credits: [],
  charges: [],
  ...over,
});
const entries = (m: Map<string, number>) => Object.fromEntries([...m].sort());

describe('payment behaviour', () => {
  it('counts each billed rupiah as paid the days after its due date that the credits covered it, oldest first', () => {
    const statements = [
      { periodEnd: '2026-01-31', dueDate: '2026-02-14', billed: 100_000 },
      { periodEnd: '2026-02-28', dueDate: '2026-03-14', billed: 50_000 },
    ];
    const credits = [
      { date: '2026-02-10', amount: 60_000 },
      { date: '2026-02-21', amount: 70_000 },
    ];
    // 60,000 four days early; 40,000 of January and 30,000 of February on 21 Feb (7 late, 21 early).
    expect([...latenessOf(statements, credits)].sort((a, b) => a[0] - b[0])).toEqual([
      [-21, 30_000],
      [-4, 60_000],
      [7, 40_000],
    ]);
  });

  it('walks the bills once and gives what allocating every running total again gives, reversals and all', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((d) => addDays('2026-01-01', d));
    const sorted = (list: string[]) => [...list].sort();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 200_000 })), { maxLength: 12 }),
        fc.array(fc.tuple(day, fc.integer({ min: -80_000, max: 150_000 })), { maxLength: 20 }),
        (bills, paid) => {
          const dues = sorted(bills.map(([d]) => d));
          const statements = bills.map(([, billed], i) => ({
            periodEnd: dues[i]!,
            dueDate: addDays(dues[i]!, 14),
            billed,
          }));
          const credits = paid.map(([date, amount]) => ({ date, amount }));
          const sortedCredits = [...credits].sort((a, b) => a.date.localeCompare(b.date));
          const byLate = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]);
          expect(byLate(latenessOf(statements, credits))).toEqual(
            byLate(latenessByAllocation(statements, sortedCredits, new Map())),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('spreads an amount over the days of the behaviour still possible; an overdue amount later than all of it is not expected', () => {
    const behaviour = new Map([
      [-2, 25_000],
      [3, 50_000],
      [10, 25_000],
    ]);
    const into: Spread = { byDate: new Map(), notExpected: 0 };
    // Due 14 March, asked on 15 March (one day late): only the 3 and 10 days late remain, 2:1.
    spreadByLateness(90_000, '2026-03-14', '2026-03-15', behaviour, into);
    expect(entries(into.byDate)).toEqual({ '2026-03-17': 60_000, '2026-03-24': 30_000 });
    // Eleven days late: later than anyone ever paid.
    spreadByLateness(5_000, '2026-03-04', '2026-03-15', behaviour, into);
    expect(into.notExpected).toBe(5_000);
    // No behaviour at all and not yet due: the due date.
    spreadByLateness(7_000, '2026-03-20', '2026-03-15', new Map(), into);
    expect(into.byDate.get('2026-03-20')).toBe(7_000);
  });
});

describe('expected collections', () => {
  // A cooperative that always pays 7 days late: January's bill (due 14 Feb) paid on 21 Feb.
  const late7 = coop('A', {
    statements: [
      { periodEnd: '2026-01-31', dueDate: '2026-02-14', billed: 160_000 },
      { periodEnd: '2026-02-28', dueDate: '2026-03-14', billed: 80_000 },
    ],
    credits: [{ date: '2026-02-21', amount: 160_000 }],
    charges: [
      { date: '2026-01-15', amount: 160_000 },
      { date: '2026-02-20', amount: 80_000 },
      { date: '2026-03-03', amount: 32_000 },
    ],
  });

  it('an open statement lands in the week of its due date + the cooperative’s days late; unbilled and future sales on their statement’s due date + 7', () => {
    const c = networkCollections([late7], '2026-03-10', '2026-03-10', '2026-06-07');
    expect(entries(c.statements.byDate)).toEqual({ '2026-03-21': 80_000 });
    expect(mondayOf('2026-03-21')).toBe('2026-03-16');
    // Velocity: 112,000 over 11 Feb–10 Mar = 4,000 a day. March: 32,000 made + 21 days × 4,000,
    // due 14 Apr → 21 Apr; April: 30 × 4,000 due 14 May → 21 May; May (31 days) → 21 Jun and the
    // horizon's 7 June days → 21 Jul (both after the horizon: no week counts them).
    expect(entries(c.sales.byDate)).toEqual({
      '2026-04-21': 116_000,
      '2026-05-21': 120_000,
      '2026-06-21': 124_000,
      '2026-07-21': 28_000,
    });
  });

  it('a cooperative that has never paid uses the network’s behaviour', () => {
    const fresh = coop('B', {
      statements: [{ periodEnd: '2026-02-28', dueDate: '2026-03-14', billed: 16_000 }],
      charges: [{ date: '2026-02-10', amount: 16_000 }],
    });
    const c = networkCollections([late7, fresh], '2026-03-10', '2026-03-10', '2026-03-31');
    expect(c.statements.byDate.get('2026-03-21')).toBe(96_000);
  });

  it('takes the velocity over 28 days, or from the first sale when later', () => {
    const charges = [
      { date: '2026-03-01', amount: 30_000 },
      { date: '2026-03-10', amount: 10_000 },
    ];
    expect(velocityOf({ startDate: '2026-01-01' }, charges, '2026-03-10')).toEqual({
      amount: 40_000,
      days: 10,
    });
    expect(periodEndOf('weekly', '2026-03-10')).toBe('2026-03-15');
    expect(periodEndOf('weekly', '2026-03-15')).toBe('2026-03-15');
  });
});

describe('backtest', () => {
  it('MAPE is the mean of |forecast − actual| / actual over the weeks something came in', () => {
    expect(
      mape([
        { predicted: 90, actual: 100 },
        { predicted: 50, actual: 0 },
        { predicted: 130, actual: 100 },
      ]),
    ).toBeCloseTo(20, 10);
    expect(mape([{ predicted: 1, actual: 0 }])).toBeNull();
  });

  it('runs the method as of past Mondays, knowing only the days before, beside the last 4 weeks’ average', () => {
    // Weekly statements (Sundays from 8 Feb) of 60,000, 70,000, …, due two weeks later, always paid
    // 3 days late (on Wednesdays from 25 Feb).
    const statements = [];
    const credits = [];
    for (let w = 0; w < 8; w++) {
      const periodEnd = addDaysIso('2026-02-08', 7 * w);
      const dueDate = addDaysIso(periodEnd, 14);
      const billed = 60_000 + 10_000 * w;
      statements.push({ periodEnd, dueDate, billed });
      credits.push({ date: addDaysIso(dueDate, 3), amount: billed });
    }
    const weekly = [
      { settlementPeriod: 'weekly' as const, paymentTermsDays: 14, effectiveFrom: '2026-01-01' },
    ];
    const h = coop('W', { terms: weekly, statements, credits });
    const received = credits.filter((c) => c.date <= '2026-03-29');
    const b = backtestCollections([h], received, '2026-01-26', '2026-03-29');
    // History from Monday 26 Jan + 4 weeks = 23 Feb; the weeks ending by 29 March.
    expect(b.points.map((p) => p.weekStart)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
    expect(b.points.map((p) => p.actual)).toEqual([60_000, 70_000, 80_000, 90_000, 100_000]);
    // On 23 Feb nobody has paid yet: the bill due 22 Feb is overdue with no behaviour (not
    // expected), the one due 1 Mar is expected on its due date. From then on the 3 days are known.
    expect(b.points.map((p) => p.forecast)).toEqual([70_000, 70_000, 80_000, 90_000, 100_000]);
    // The payments of the 4 weeks before each Monday, ÷ 4.
    expect(b.points.map((p) => p.baseline)).toEqual([0, 15_000, 32_500, 52_500, 75_000]);
    expect(b.weeks).toBe(5);
    expect(b.mape).toBeCloseTo(((10 / 60) * 100) / 5, 10);
    expect(b.baselineMape).toBeCloseTo(
      ((1 + 55 / 70 + 47.5 / 80 + 37.5 / 90 + 25 / 100) * 100) / 5,
      10,
    );
  });
});

describe('subsidy payouts', () => {
  it('takes the same payout lag from grants summed by month and day paid as from each grant', () => {
    const grant = fc.record({
      month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
      settledOn: fc.constantFrom('2026-03-02', '2026-03-05', '2026-04-01', '2026-04-09', null),
      status: fc.constantFrom('paid', 'accrued'),
    });
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 40 }), (list) => {
        const each: GrantRow[] = list.map((g) => ({ ...g, amount: 1_000, mode: 'payout' }));
        const summed = new Map<string, GrantRow>();
        for (const g of each) {
          const key = `${g.month}|${g.status}|${g.settledOn}`;
          const row = summed.get(key);
          if (row) {
            row.amount += g.amount;
            row.grants = (row.grants ?? 1) + 1;
          } else summed.set(key, { ...g, grants: 1 });
        }
        expect(payoutLagOf([...summed.values()])).toBe(payoutLagOf(each));
      }),
      { numRuns: 500 },
    );
  });

  it('pays a month not yet run after the next 1st, pro rata to the days the participation ran', () => {
    const out = subsidyPayoutsOf(
      [
        {
          startDate: '2026-01-01',
          endDate: null,
          subsidyMode: 'payout',
          monthlySubsidy: 2_000_000,
        },
        {
          startDate: '2026-03-17',
          endDate: null,
          subsidyMode: 'payout',
          monthlySubsidy: 2_000_000,
        },
        { startDate: '2026-01-01', endDate: null, subsidyMode: 'net', monthlySubsidy: 2_000_000 },
      ],
      [
        {
          month: '2026-02',
          amount: 1_500_000,
          status: 'paid',
          mode: 'payout',
          settledOn: '2026-03-05',
        },
      ],
      '2026-03-10',
      '2026-04-30',
    );
    // Paid 4 days after the 1st before; March: 2,000,000 + 15/31 of 2,000,000 (rounded down).
    expect(entries(out)).toEqual({ '2026-04-05': 2_000_000 + 967_741 });
  });
});

function addDaysIso(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
