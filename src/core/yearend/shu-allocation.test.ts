import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  checkShuRules,
  largestRemainder,
  splitShu,
  type ShuMemberBasis,
} from './shu-allocation.ts';
import { SHU_KEYS } from './shu.types.ts';

const rules = (cadangan: number) => ({
  allocation: [
    { key: 'cadangan' as const, percent: cadangan },
    { key: 'jasa_anggota' as const, percent: 45 },
    { key: 'pengurus' as const, percent: 5 },
    { key: 'karyawan' as const, percent: 5 },
    { key: 'pendidikan' as const, percent: 5 },
  ],
  jasaUsahaPercent: 25,
  jasaModalPercent: 20,
});

const member = (no: string, purchases: number, savings: number): ShuMemberBasis => ({
  memberId: `m${no}`,
  memberNo: no,
  name: `Anggota ${no}`,
  purchases,
  savings,
});

describe('SHU allocation', () => {
  it('gives the issue oracle: 25 % jasa usaha and 20 % jasa modal of SHU 60.000.000', () => {
    const split = splitShu(60_000_000, checkShuRules(rules(40)), [
      member('001', 5_000_000, 2_000_000),
      member('002', 70_000_000, 98_000_000),
    ]);
    expect(split.jasaUsaha).toBe(15_000_000);
    expect(split.jasaModal).toBe(12_000_000);
    const first = split.members.find((m) => m.memberNo === '001')!;
    expect(first.jasaUsaha).toBe(1_000_000);
    expect(first.jasaModal).toBe(240_000);
    expect(first.total).toBe(1_240_000);
    expect(split.allocation.find((a) => a.key === 'cadangan')!.amount).toBe(24_000_000);
    expect(split.allocation.find((a) => a.key === 'jasa_anggota')!.amount).toBe(27_000_000);
    expect(split.allocation.reduce((t, a) => t + a.amount, 0)).toBe(60_000_000);
  });

  it.each([
    [39, 'berjumlah 99, harus tepat 100'],
    [41, 'berjumlah 101, harus tepat 100'],
  ])('refuses a split adding up to other than 100 (cadangan %i)', (cadangan, text) => {
    const error = (() => {
      try {
        checkShuRules(rules(cadangan));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('InvalidShuRules');
    expect((error as DomainError).message).toContain(text);
  });

  it('refuses jasa usaha + jasa modal other than jasa anggota, a key twice, three decimals', () => {
    expect(() => checkShuRules({ ...rules(40), jasaModalPercent: 15 })).toThrow(/jasa anggota 45/);
    expect(() =>
      checkShuRules({
        ...rules(35),
        allocation: [...rules(35).allocation, { key: 'pengurus', percent: 5 }],
      }),
    ).toThrow(/dua kali/);
    expect(() =>
      checkShuRules({ ...rules(39.995), allocation: [...rules(39.995).allocation] }),
    ).toThrow(/2 angka desimal/);
  });

  it('gives the rupiah left over to the largest remainders, ties to the first', () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainder(100, [1, 2])).toEqual([33, 67]);
  });

  it('divides nothing of a loss, and sends jasa nobody can take to cadangan', () => {
    const loss = splitShu(-5_000, checkShuRules(rules(40)), [member('001', 100, 100)]);
    expect(loss.allocation.every((a) => a.amount === 0)).toBe(true);
    expect(loss.members).toEqual([expect.objectContaining({ memberNo: '001', total: 0 })]);
    const noSales = splitShu(1_000_000, checkShuRules(rules(40)), [member('001', 0, 100)]);
    expect(noSales.undivided).toBe(250_000);
    expect(noSales.members[0]!.jasaUsaha).toBe(0);
    expect(noSales.members[0]!.jasaModal).toBe(200_000);
  });

  it('sums every list exactly, each part within a rupiah of its exact share', () => {
    const percents = fc
      .array(fc.integer({ min: 0, max: 10_000 }), {
        minLength: SHU_KEYS.length,
        maxLength: SHU_KEYS.length,
      })
      .filter((xs) => xs.some((x) => x > 0));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000_000 }),
        percents,
        fc.integer({ min: 0, max: 100 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 50_000_000 }),
            fc.integer({ min: 0, max: 20_000_000 }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (shu, weights, usahaOfJasa, members) => {
          // Weights → basis points adding up to exactly 10000.
          const bp = largestRemainder(10_000, weights);
          const jasa = bp[1]!;
          const usaha = Math.floor((jasa * usahaOfJasa) / 100);
          const r = checkShuRules({
            allocation: SHU_KEYS.map((key, i) => ({ key, percent: bp[i]! / 100 })),
            jasaUsahaPercent: usaha / 100,
            jasaModalPercent: (jasa - usaha) / 100,
          });
          const basis = members.map(([p, s], i) => member(String(i).padStart(3, '0'), p, s));
          const split = splitShu(shu, r, basis);
          expect(split.allocation.reduce((t, a) => t + a.amount, 0)).toBe(shu);
          r.allocation.forEach((a, i) => {
            if (a.key === 'jasa_anggota') return;
            expect(
              Math.abs(split.allocation[i]!.amount - (shu * a.basisPoints) / 10_000),
            ).toBeLessThan(1);
          });
          const sumU = split.members.reduce((t, m) => t + m.jasaUsaha, 0);
          const sumM = split.members.reduce((t, m) => t + m.jasaModal, 0);
          expect(sumU + sumM + split.undivided).toBe(split.jasaUsaha + split.jasaModal);
          for (const m of split.members) {
            expect(m.jasaUsaha).toBeGreaterThanOrEqual(0);
            expect(m.jasaModal).toBeGreaterThanOrEqual(0);
            if (split.totalPurchases > 0)
              expect(
                Math.abs(m.jasaUsaha - (split.jasaUsaha * m.purchases) / split.totalPurchases),
              ).toBeLessThan(1);
            if (split.totalSavings > 0)
              expect(
                Math.abs(m.jasaModal - (split.jasaModal * m.savings) / split.totalSavings),
              ).toBeLessThan(1);
          }
        },
      ),
    );
  });
});
