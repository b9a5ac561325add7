import { DomainError } from '../shared/errors.ts';
import { SHU_KEYS, type ShuKey, type ShuMemberView, type ShuRules } from './shu.types.ts';

/**
 * The SHU arithmetic, pure: rules in basis points (1 % = 100), every split in
 * whole rupiah by largest remainder with exact integer (BigInt) math, so each
 * list sums exactly to what it divides and each part is within one rupiah of
 * its exact share.
 */

/** A year's split in basis points: the allocation keys (in SHU_KEYS order) and the jasa anggota split. */
export interface ShuRulesBp {
  allocation: { key: ShuKey; basisPoints: number }[];
  jasaUsahaBp: number;
  jasaModalBp: number;
}

const FULL = 10000;

/** `9950` → `99,5` (Indonesian) or `99.5` (English). */
function percentText(bp: number, lang: 'id' | 'en'): string {
  const text = String(bp / 100);
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** The split is refused as a whole, in words that name what is wrong. */
function invalid(message: string, messageEn: string): never {
  throw new DomainError('InvalidShuRules', { message, messageEn });
}

function toBasisPoints(percent: number): number {
  const bp = Math.round(percent * 100);
  if (!Number.isFinite(percent) || percent < 0 || Math.abs(percent * 100 - bp) > 1e-6 || bp > FULL)
    invalid(
      `Persentase ${percent} tidak sah: 0 sampai 100, paling banyak 2 angka desimal`,
      `Percentage ${percent} is not valid: 0 to 100, at most 2 decimals`,
    );
  return bp;
}

/**
 * Checks a split as given (percentages) and gives it in basis points: known
 * keys, each at most once, percentages ≥ 0 with at most 2 decimals, adding up
 * to exactly 100; jasa usaha + jasa modal = the `jasa_anggota` percentage.
 */
export function checkShuRules(rules: Omit<ShuRules, 'year'>): ShuRulesBp {
  const byKey = new Map<ShuKey, number>();
  rules.allocation.forEach((a) => {
    if (!SHU_KEYS.includes(a.key))
      invalid(`Pos SHU tidak dikenal: ${a.key}`, `Unknown SHU key: ${a.key}`);
    if (byKey.has(a.key)) invalid(`Pos ${a.key} disebut dua kali`, `Key ${a.key} is given twice`);
    byKey.set(a.key, toBasisPoints(a.percent));
  });
  const sum = [...byKey.values()].reduce((t, bp) => t + bp, 0);
  if (sum !== FULL)
    invalid(
      `Pembagian SHU berjumlah ${percentText(sum, 'id')}, harus tepat 100`,
      `The SHU split adds up to ${percentText(sum, 'en')}, it must be exactly 100`,
    );
  const jasaUsahaBp = toBasisPoints(rules.jasaUsahaPercent);
  const jasaModalBp = toBasisPoints(rules.jasaModalPercent);
  const jasa = byKey.get('jasa_anggota') ?? 0;
  if (jasaUsahaBp + jasaModalBp !== jasa)
    invalid(
      `Jasa usaha ${percentText(jasaUsahaBp, 'id')} + jasa modal ${percentText(jasaModalBp, 'id')} harus sama dengan jasa anggota ${percentText(jasa, 'id')}`,
      `Jasa usaha ${percentText(jasaUsahaBp, 'en')} + jasa modal ${percentText(jasaModalBp, 'en')} must equal jasa anggota ${percentText(jasa, 'en')}`,
    );
  return {
    allocation: SHU_KEYS.filter((k) => byKey.has(k)).map((key) => ({
      key,
      basisPoints: byKey.get(key)!,
    })),
    jasaUsahaBp,
    jasaModalBp,
  };
}

/** The split as the API gives it (percentages). */
export function rulesOfBasisPoints(year: number, bp: ShuRulesBp): ShuRules {
  return {
    year,
    allocation: bp.allocation.map((a) => ({ key: a.key, percent: a.basisPoints / 100 })),
    jasaUsahaPercent: bp.jasaUsahaBp / 100,
    jasaModalPercent: bp.jasaModalBp / 100,
  };
}

/**
 * Divides `total` (≥ 0) by `weights` (≥ 0, some > 0): each part the floor of
 * its exact share, then the rupiah left over one each to the largest
 * remainders, ties to the earlier weight. The parts sum exactly to `total`.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`Cannot divide ${total}`);
  const w = weights.map((x) => BigInt(x));
  const sum = w.reduce((t, x) => t + x, 0n);
  if (sum <= 0n) throw new RangeError('Nothing to divide by');
  const t = BigInt(total);
  const parts = w.map((x) => (t * x) / sum);
  const rems = w.map((x, i) => ({ i, r: (t * x) % sum }));
  let left = Number(t - parts.reduce((a, b) => a + b, 0n));
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0) break;
    parts[i]! += 1n;
    left -= 1;
  }
  return parts.map(Number);
}

export interface ShuMemberBasis {
  memberId: string;
  memberNo: string;
  name: string;
  purchases: number;
  savings: number;
}

export interface ShuSplit {
  allocation: { key: ShuKey; percent: number; amount: number }[];
  /** The jasa anggota share's two parts. */
  jasaUsaha: number;
  jasaModal: number;
  /** Jasa that could not be divided (no member bought, or none saved): added to cadangan. */
  undivided: number;
  totalPurchases: number;
  totalSavings: number;
  members: ShuMemberView[];
}

/**
 * A year's SHU split by the rules and among the members. A loss (SHU ≤ 0)
 * divides nothing: every amount 0. Members with purchases or savings are
 * listed, in member-number order (which also breaks remainder ties).
 */
export function splitShu(
  shu: number,
  rules: ShuRulesBp,
  basis: readonly ShuMemberBasis[],
): ShuSplit {
  const listed = basis
    .filter((m) => m.purchases > 0 || m.savings > 0)
    .sort((a, b) => (a.memberNo < b.memberNo ? -1 : a.memberNo > b.memberNo ? 1 : 0));
  const totalPurchases = listed.reduce((t, m) => t + Math.max(0, m.purchases), 0);
  const totalSavings = listed.reduce((t, m) => t + Math.max(0, m.savings), 0);
  const amountOf = new Map<ShuKey | 'usaha' | 'modal', number>();
  if (shu > 0) {
    const parts: { key: ShuKey | 'usaha' | 'modal'; bp: number }[] = [];
    for (const a of rules.allocation) {
      if (a.key === 'jasa_anggota') {
        parts.push(
          { key: 'usaha', bp: rules.jasaUsahaBp },
          { key: 'modal', bp: rules.jasaModalBp },
        );
      } else parts.push({ key: a.key, bp: a.basisPoints });
    }
    const amounts = largestRemainder(
      shu,
      parts.map((p) => p.bp),
    );
    parts.forEach((p, i) => amountOf.set(p.key, amounts[i]!));
  }
  const jasaUsaha = amountOf.get('usaha') ?? 0;
  const jasaModal = amountOf.get('modal') ?? 0;
  const divide = (share: number, weights: number[]) =>
    share > 0 && weights.some((x) => x > 0)
      ? largestRemainder(share, weights)
      : weights.map(() => 0);
  const usaha = divide(
    jasaUsaha,
    listed.map((m) => Math.max(0, m.purchases)),
  );
  const modal = divide(
    jasaModal,
    listed.map((m) => Math.max(0, m.savings)),
  );
  const undivided = (totalPurchases > 0 ? 0 : jasaUsaha) + (totalSavings > 0 ? 0 : jasaModal);
  return {
    allocation: rules.allocation.map((a) => ({
      key: a.key,
      percent: a.basisPoints / 100,
      amount: a.key === 'jasa_anggota' ? jasaUsaha + jasaModal : (amountOf.get(a.key) ?? 0),
    })),
    jasaUsaha,
    jasaModal,
    undivided,
    totalPurchases,
    totalSavings,
    members: listed.map((m, i) => ({
      memberId: m.memberId,
      memberNo: m.memberNo,
      name: m.name,
      purchases: m.purchases,
      savings: m.savings,
      jasaUsaha: usaha[i]!,
      jasaModal: modal[i]!,
      total: usaha[i]! + modal[i]!,
    })),
  };
}
