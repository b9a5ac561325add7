import { describe, expect, it } from 'vitest';
import { checkTermValues, termsOn } from './participation-terms.ts';

const v = (effectiveFrom: string, monthlySubsidy = 2_000_000) => ({
  effectiveFrom,
  monthlySubsidy,
});

describe('termsOn', () => {
  const versions = [v('2026-01-01'), v('2026-04-01'), v('2026-03-20')];
  it('takes the latest version dated on or before the day, in any order', () => {
    expect(termsOn(versions, '2026-03-19').effectiveFrom).toBe('2026-01-01');
    expect(termsOn(versions, '2026-03-20').effectiveFrom).toBe('2026-03-20');
    expect(termsOn(versions, '2026-03-31').effectiveFrom).toBe('2026-03-20');
    expect(termsOn(versions, '2027-01-01').effectiveFrom).toBe('2026-04-01');
  });
  it('applies the first version before its date (the terms as first agreed)', () => {
    expect(termsOn(versions, '2025-12-15').effectiveFrom).toBe('2026-01-01');
  });
  it('refuses a participation without any version (an invariant, not user input)', () => {
    expect(() => termsOn([], '2026-03-10')).toThrow();
  });
});

describe('checkTermValues', () => {
  it('names each bad term by its path', () => {
    expect(
      checkTermValues({
        exposureLimit: -1,
        monthlySalesPotential: 0,
        graceDays: 400,
        paymentTermsDays: 1.5,
      }).map((e) => e.path),
    ).toEqual(['/exposureLimit', '/monthlySalesPotential', '/paymentTermsDays', '/graceDays']);
    expect(checkTermValues({ exposureLimit: 0, monthlySubsidy: 0, graceDays: 0 })).toEqual([]);
  });
});
