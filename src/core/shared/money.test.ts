import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MoneyError,
  ZERO,
  addRupiah,
  ceilingForNetContent,
  formatRupiah,
  lineAmount,
  prorateDown,
  prorateHalfUp,
  rupiah,
  subRupiah,
} from './money.ts';

const MAX = Number.MAX_SAFE_INTEGER;

describe('rupiah', () => {
  it('accepts whole rupiah, including zero, negatives and the largest safe integer', () => {
    expect(rupiah(0)).toBe(0);
    expect(rupiah(15_000)).toBe(15_000);
    expect(rupiah(-5_000)).toBe(-5_000);
    expect(rupiah(MAX)).toBe(MAX);
  });

  it.each([
    ['a fraction', 1_500.5],
    ['a tiny fraction', 0.1],
    ['one past the safe range', MAX + 1],
    ['below the safe range', -MAX - 2],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('rejects %s', (_what, value) => {
    expect(() => rupiah(value)).toThrow(MoneyError);
    expect(() => rupiah(value)).toThrow(/Rupiah amount must be a safe integer/);
  });

  it('ZERO is zero rupiah', () => {
    expect(ZERO).toBe(0);
  });
});

describe('addRupiah and subRupiah', () => {
  it('add and subtract exactly', () => {
    expect(addRupiah(rupiah(1_000), rupiah(2_500), rupiah(-500))).toBe(3_000);
    expect(addRupiah()).toBe(0);
    expect(subRupiah(rupiah(10_000), rupiah(12_500))).toBe(-2_500);
  });

  it('refuse a total beyond the safe range instead of losing rupiah', () => {
    expect(() => addRupiah(rupiah(MAX), rupiah(1))).toThrow(MoneyError);
    expect(() => subRupiah(rupiah(-MAX), rupiah(1))).toThrow(MoneyError);
  });
});

describe('lineAmount', () => {
  it('is unit price × quantity, exact', () => {
    expect(lineAmount(rupiah(15_000), 3)).toBe(45_000);
    expect(lineAmount(rupiah(875_000), 0)).toBe(0);
    expect(lineAmount(rupiah(13_750), 1_200)).toBe(16_500_000);
  });

  it('rejects a fractional quantity', () => {
    expect(() => lineAmount(rupiah(15_000), 1.5)).toThrow(MoneyError);
    expect(() => lineAmount(rupiah(15_000), 1.5)).toThrow(/Quantity must be a safe integer/);
  });

  it('rejects a product beyond the safe range', () => {
    expect(() => lineAmount(rupiah(2 ** 40), 2 ** 20)).toThrow(MoneyError);
  });
});

describe('prorateDown', () => {
  it('gives a monthly subsidy for 17 of 31 days, rounded down', () => {
    // 2,000,000 × 17 / 31 = 1,096,774.19…
    expect(prorateDown(rupiah(2_000_000), 17, 31)).toBe(1_096_774);
  });

  it('floors even when the fraction is close to one', () => {
    // 2,000,000 × 30 / 31 = 1,935,483.87…
    expect(prorateDown(rupiah(2_000_000), 30, 31)).toBe(1_935_483);
    expect(prorateDown(rupiah(2), 2, 3)).toBe(1);
  });

  it('is exact when the division is exact', () => {
    expect(prorateDown(rupiah(2_000_000), 14, 28)).toBe(1_000_000);
    expect(prorateDown(rupiah(2_000_000), 31, 31)).toBe(2_000_000);
    expect(prorateDown(rupiah(2_000_000), 0, 31)).toBe(0);
  });

  it('floors negative results toward minus infinity', () => {
    expect(prorateDown(rupiah(-1_000), 1, 3)).toBe(-334);
    expect(prorateDown(rupiah(-2_000_000), 17, 31)).toBe(-1_096_775);
    expect(prorateDown(rupiah(-900), 1, 3)).toBe(-300);
  });

  it('stays exact where a float product would lose precision', () => {
    expect(prorateDown(rupiah(MAX), 7, 7)).toBe(MAX);
    expect(prorateDown(rupiah(MAX), 1, 3)).toBe(3_002_399_751_580_330);
  });

  it('is the floor of the exact quotient for any amounts, whether in plain numbers or not', () => {
    const amount = fc.oneof(
      fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
      fc.maxSafeInteger().map((n) => n - 1),
    );
    // A share (numerator up to the denominator), as a pro rata subsidy is.
    const share = fc
      .integer({ min: 1, max: 1_000_000 })
      .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(amount, share, (a, [n, d]) => {
        const product = BigInt(a) * BigInt(n);
        const floor = product / BigInt(d) - (product % BigInt(d) < 0n ? 1n : 0n);
        expect(prorateDown(rupiah(a), n, d)).toBe(Number(floor));
      }),
    );
  });

  it('rejects a zero or negative denominator and fractional factors', () => {
    expect(() => prorateDown(rupiah(1_000), 1, 0)).toThrow(/Denominator must be positive/);
    expect(() => prorateDown(rupiah(1_000), 1, -3)).toThrow(MoneyError);
    expect(() => prorateDown(rupiah(1_000), 1.5, 3)).toThrow(/Numerator must be a safe integer/);
    expect(() => prorateDown(rupiah(1_000), 1, 2.5)).toThrow(/Denominator must be a safe integer/);
  });
});

describe('prorateHalfUp', () => {
  it('rounds to the nearest rupiah', () => {
    expect(prorateHalfUp(1_000, 1, 3)).toBe(333);
    expect(prorateHalfUp(1_000, 2, 3)).toBe(667);
    expect(prorateHalfUp(1_000, 3, 3)).toBe(1_000);
  });

  it('rounds an exact half away from zero', () => {
    expect(prorateHalfUp(5, 1, 2)).toBe(3);
    expect(prorateHalfUp(1, 1, 2)).toBe(1);
    expect(prorateHalfUp(25_001, 1, 2)).toBe(12_501);
    expect(prorateHalfUp(-5, 1, 2)).toBe(-3);
    expect(prorateHalfUp(-1, 1, 2)).toBe(-1);
    expect(prorateHalfUp(-25_001, 1, 2)).toBe(-12_501);
  });

  it('rounds negatives symmetrically to positives below and above the half', () => {
    expect(prorateHalfUp(-1_000, 1, 3)).toBe(-333);
    expect(prorateHalfUp(-1_000, 2, 3)).toBe(-667);
    expect(prorateHalfUp(7, -1, 2)).toBe(-4);
  });

  it('gives the exact half-up quotient for any safe amounts, small or large', () => {
    const reference = (a: number, n: number, d: number) => {
      const p = BigInt(a) * BigInt(n);
      const q = ((p < 0n ? -p : p) * 2n + BigInt(d)) / (2n * BigInt(d));
      return Number(p < 0n ? -q : q);
    };
    const big = fc.integer({ min: -MAX, max: MAX });
    const small = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 });
    fc.assert(
      fc.property(
        fc.oneof(small, big),
        fc.oneof(fc.integer({ min: -1_000, max: 1_000 }), big),
        fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: MAX })),
        (a, n, d) => {
          const expected = reference(a, n, d);
          if (Number.isSafeInteger(expected)) expect(prorateHalfUp(a, n, d)).toBe(expected);
          else expect(() => prorateHalfUp(a, n, d)).toThrow(/safe integer/);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('stays exact for large amounts', () => {
    expect(prorateHalfUp(MAX, 7, 7)).toBe(MAX);
    // MAX / 2 = 4,503,599,627,370,495.5 → away from zero
    expect(prorateHalfUp(MAX, 1, 2)).toBe(4_503_599_627_370_496);
  });

  it('rejects fractional inputs and a non-positive denominator', () => {
    expect(() => prorateHalfUp(10.5, 1, 2)).toThrow(/Amount must be a safe integer/);
    expect(() => prorateHalfUp(10, 1, 0)).toThrow(/Denominator must be positive/);
    expect(() => prorateHalfUp(10, 1, -2)).toThrow(MoneyError);
  });
});

describe('ceilingForNetContent', () => {
  it('applies a per-kg ceiling to a 50 kg sack', () => {
    expect(ceilingForNetContent(rupiah(17_500), 50_000)).toBe(875_000);
  });

  it('applies a per-kg ceiling to a 500 g pack', () => {
    expect(ceilingForNetContent(rupiah(17_500), 500)).toBe(8_750);
  });

  it('applies a per-litre ceiling to a 1 L bottle unchanged', () => {
    expect(ceilingForNetContent(rupiah(15_700), 1_000)).toBe(15_700);
  });

  it('rounds down so the ceiling is never looser than the regulation', () => {
    // 17,500 × 0.333 = 5,827.5
    expect(ceilingForNetContent(rupiah(17_500), 333)).toBe(5_827);
    // 12,999 × 0.25 = 3,249.75
    expect(ceilingForNetContent(rupiah(12_999), 250)).toBe(3_249);
    // 15,700 × 0.9 = 14,130 exactly
    expect(ceilingForNetContent(rupiah(15_700), 900)).toBe(14_130);
  });

  it('rejects a fractional net content', () => {
    expect(() => ceilingForNetContent(rupiah(17_500), 500.5)).toThrow(MoneyError);
  });
});

describe('formatRupiah', () => {
  it('groups thousands with dots after "Rp "', () => {
    expect(formatRupiah(1_234_567)).toBe('Rp 1.234.567');
    expect(formatRupiah(5_000)).toBe('Rp 5.000');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(1_000_000_000_000)).toBe('Rp 1.000.000.000.000');
  });

  it('shows zero without a sign', () => {
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(-0)).toBe('Rp 0');
  });

  it('puts the minus sign before "Rp"', () => {
    expect(formatRupiah(-5_000)).toBe('-Rp 5.000');
    expect(formatRupiah(-1_234_567)).toBe('-Rp 1.234.567');
  });
});
