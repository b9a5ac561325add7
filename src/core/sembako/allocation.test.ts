import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder, splitPackagePrice } from './allocation.ts';
import { nipErrors } from './nip.ts';

describe('allocateLargestRemainder', () => {
  it('splits to the rupiah, the leftover to the largest remainders', () => {
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(10, [3, 0, 7])).toEqual([3, 0, 7]);
    expect(allocateLargestRemainder(5, [2, 3, 5])).toEqual([1, 2, 2]);
  });
  it('adds up exactly and never passes a weight when the total fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        (weights, permille) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0);
          const total = Math.floor((sum * permille) / 1000);
          const parts = allocateLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(weights[i]!));
        },
      ),
    );
  });
});

describe('splitPackagePrice', () => {
  it('splits Rp 100.000 over 2 kg gula (HAP 17.500) and 2 L Minyakita (HET 15.700) under the ceilings', () => {
    const lines = splitPackagePrice(
      65_000,
      [
        { productId: 'gula', qty: 2, ceiling: 17_500, fallbackPrice: 17_500 },
        { productId: 'minyak', qty: 2, ceiling: 15_700, fallbackPrice: 15_700 },
      ],
      3,
    )!;
    // 65,000 × 35,000/66,400 = 34,262.04… → 34,262; the rest 30,738 to Minyakita.
    expect(lines).toEqual([
      { productId: 'gula', qty: 6, unitPrice: 17_131 },
      { productId: 'minyak', qty: 6, unitPrice: 15_369 },
    ]);
    expect(lines.reduce((t, l) => t + l.qty * l.unitPrice, 0)).toBe(3 * 65_000);
  });
  it('gives r units u + 1 within a line', () => {
    expect(
      splitPackagePrice(50_002, [{ productId: 'g', qty: 3, ceiling: 17_500, fallbackPrice: 0 }]),
    ).toEqual([
      { productId: 'g', qty: 1, unitPrice: 16_668 },
      { productId: 'g', qty: 2, unitPrice: 16_667 },
    ]);
  });
  it('refuses a price above what the ceilings allow', () => {
    expect(
      splitPackagePrice(35_001, [{ productId: 'g', qty: 2, ceiling: 17_500, fallbackPrice: 0 }]),
    ).toBeUndefined();
  });
  it('always adds up to packages × price with every unit at or under its ceiling', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            qty: fc.integer({ min: 1, max: 25 }),
            ceiling: fc.integer({ min: 1, max: 300_000 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 5 }),
        (items, permille, packages) => {
          const cap = items.reduce((t, i) => t + i.qty * i.ceiling, 0);
          const price = Math.max(1, Math.floor((cap * permille) / 1000));
          const lines = splitPackagePrice(
            price,
            items.map((i, n) => ({ productId: `p${n}`, ...i, fallbackPrice: 0 })),
            packages,
          )!;
          expect(lines.reduce((t, l) => t + l.qty * l.unitPrice, 0)).toBe(price * packages);
          for (const l of lines) {
            const item = items[Number(l.productId.slice(1))]!;
            expect(l.unitPrice).toBeLessThanOrEqual(item.ceiling);
          }
        },
      ),
    );
  });
});

describe('nipErrors', () => {
  it('accepts a real NIP', () => {
    expect(nipErrors('198503152010011002')).toEqual([]);
    expect(nipErrors('199002292010011002').length).toBe(1); // 1990 has no 29 February
  });
  it('names every reason', () => {
    expect(nipErrors('19850315201001100')).toHaveLength(1);
    expect(nipErrors('19850315201001100x')).toHaveLength(1);
    expect(nipErrors('198513322010011002')[0]).toMatch(/tanggal lahir/);
    expect(nipErrors('198503152010131002')[0]).toMatch(/bulan pengangkatan/);
    expect(nipErrors('198503152003021002')[0]).toMatch(/18 tahun/);
    // 18th birthday 2003-03-15: March 2003 starts before it; April 2003 does not.
    expect(nipErrors('198503152003031002')).toHaveLength(1);
    expect(nipErrors('198503152003041002')).toEqual([]);
    expect(nipErrors('198503152010013002')[0]).toMatch(/jenis kelamin/);
    expect(nipErrors('198513322003133002')).toHaveLength(3);
    expect(nipErrors('198503152027011002', '2026-11')[0]).toMatch(/masa depan/);
  });
});
