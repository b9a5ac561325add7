import { describe, expect, it } from 'vitest';
import {
  collectionEffectiveness,
  daysSalesOutstanding,
  poolRollSteps,
  provisionMatrix,
  rollStepsBetween,
} from './risk-math.ts';

const snap = (asOf: string, statements: [string, string, number][]) => ({
  asOf,
  statements: statements.map(([statementId, dueDate, outstanding]) => ({
    cooperativeId: 'c',
    statementId,
    dueDate,
    outstanding,
  })),
});

describe('the provision matrix', () => {
  it('gives a clean history its floors, not 0 %', () => {
    // Everything current at January's end was paid by February's.
    const steps = rollStepsBetween(
      snap('2026-01-31', [['s1', '2026-02-14', 1_000_000]]),
      snap('2026-02-28', [['s1', '2026-02-14', 0]]),
    );
    expect(steps[0]).toMatchObject({ base: 1_000_000, rolled: 0, rateBps: 0 });
    const m = provisionMatrix(poolRollSteps([steps]), {
      current: 2_000_000,
      d1to30: 1_000_000,
      d31to60: 0,
      d61to90: 0,
      d90plus: 300_000,
    });
    // 0.5 % of 2.000.000, 2 % of 1.000.000, 100 % of 300.000.
    expect(m.rows.map((r) => [r.bucket, r.rateBps, r.provision])).toEqual([
      ['current', 50, 10_000],
      ['d1to30', 200, 20_000],
      ['d31to60', 1_000, 0],
      ['d61to90', 2_500, 0],
      ['d90plus', 10_000, 300_000],
    ]);
    expect(m.total).toBe(330_000);
  });

  it('chains roll rates to default, rounding half up to a basis point', () => {
    // 1/3 rolls from current, 2/3 of that on, then all: 1/3 · 2/3 = 22.22 % from current.
    const pooled = [
      { from: 'current', to: 'd1to30', base: 300, rolled: 100, rateBps: 3_333 },
      { from: 'd1to30', to: 'd31to60', base: 300, rolled: 200, rateBps: 6_667 },
      { from: 'd31to60', to: 'd61to90', base: 100, rolled: 100, rateBps: 10_000 },
      { from: 'd61to90', to: 'd90plus', base: 100, rolled: 100, rateBps: 10_000 },
    ] as const;
    const m = provisionMatrix([...pooled], {
      current: 9_000,
      d1to30: 0,
      d31to60: 0,
      d61to90: 0,
      d90plus: 0,
    });
    expect(m.rows[0]).toMatchObject({ chainBps: 2_222, rateBps: 2_222, provision: 2_000 });
  });
});

describe('DSO and CEI', () => {
  it('follow their formulas and say nothing without a base', () => {
    expect(daysSalesOutstanding(2_400_000, 1_600_000, 90)).toBe(135);
    expect(daysSalesOutstanding(1, 0, 90)).toBeNull();
    expect(collectionEffectiveness(1_200_000, 1_600_000, 2_400_000, 1_200_000)).toBe(25);
    expect(collectionEffectiveness(0, 0, 0, 0)).toBeNull();
  });
});
