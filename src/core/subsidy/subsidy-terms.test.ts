import { describe, expect, it } from 'vitest';
import { proRataSubsidy, proRataSubsidyByTerms } from './subsidy-rules.ts';

/** A version of a participation's terms: its date and monthly subsidy. */
const v = (effectiveFrom: string, monthlySubsidy = 2_000_000) => ({
  effectiveFrom,
  monthlySubsidy,
});

describe('proRataSubsidyByTerms', () => {
  it('with one version is the plain pro rata subsidy', () => {
    for (const [start, end] of [
      ['2025-07-01', null],
      ['2026-03-15', null],
      ['2025-07-01', '2026-03-10'],
      ['2026-03-10', '2026-03-20'],
    ] as const)
      expect(proRataSubsidyByTerms([v(start)], '2026-03', start, end)).toEqual(
        proRataSubsidy(2_000_000, '2026-03', start, end),
      );
  });
  it('weighs each day by the version in force that day and rounds down once', () => {
    // 1–19 March at Rp 2 juta, 20–31 March at Rp 3,1 juta: 75.200.000 / 31 = 2.425.806,45…
    expect(
      proRataSubsidyByTerms(
        [v('2026-01-01'), v('2026-03-20', 3_100_000)],
        '2026-03',
        '2026-01-01',
        null,
      ),
    ).toEqual({ activeDays: 31, daysInMonth: 31, amount: 2_425_806 });
  });
  it('stops at the end date (inclusive) and ignores versions after it', () => {
    expect(
      proRataSubsidyByTerms(
        [v('2026-01-01'), v('2026-03-20', 3_100_000), v('2026-03-28', 9_000_000)],
        '2026-03',
        '2026-01-01',
        '2026-03-25',
      ),
    ).toEqual({
      activeDays: 25,
      daysInMonth: 31,
      amount: Math.floor((2_000_000 * 19 + 3_100_000 * 6) / 31),
    });
  });
  it('counts nothing outside the participation', () => {
    expect(proRataSubsidyByTerms([v('2026-04-10')], '2026-03', '2026-04-10', null)).toMatchObject({
      activeDays: 0,
      amount: 0,
    });
  });
});
