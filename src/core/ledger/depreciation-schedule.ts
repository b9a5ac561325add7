import { addMonths, monthOf } from '../shared/business-date.ts';

/** What the straight-line schedule needs of an asset. */
export interface DepreciableAsset {
  acquiredOn: string;
  cost: number;
  residualValue: number;
  usefulLifeMonths: number;
}

/**
 * The first month an asset is depreciated: the month it was acquired when
 * acquired on the 1st (in use the whole month), otherwise the month after.
 */
export function firstDepreciationMonth(a: Pick<DepreciableAsset, 'acquiredOn'>): string {
  const month = monthOf(a.acquiredOn);
  return a.acquiredOn.endsWith('-01') ? month : addMonths(month, 1);
}

/** Straight line: floor((cost − residual) / life) a month. */
export function monthlyDepreciation(a: DepreciableAsset): number {
  return Math.floor((a.cost - a.residualValue) / a.usefulLifeMonths);
}

/**
 * The depreciation of month `n` (0-based) of the asset's life: the monthly
 * amount, the last month the remainder, so that the whole life adds up to
 * exactly cost − residual; 0 outside its life.
 */
export function depreciationOfMonth(a: DepreciableAsset, n: number): number {
  if (n < 0 || n >= a.usefulLifeMonths) return 0;
  const monthly = monthlyDepreciation(a);
  if (n < a.usefulLifeMonths - 1) return monthly;
  return a.cost - a.residualValue - monthly * (a.usefulLifeMonths - 1);
}

/** The asset's depreciation months up to and including `month`, with their amounts. */
export function scheduleUpTo(
  a: DepreciableAsset,
  month: string,
): { month: string; amount: number }[] {
  const first = firstDepreciationMonth(a);
  const out: { month: string; amount: number }[] = [];
  for (let n = 0; n < a.usefulLifeMonths; n++) {
    const m = addMonths(first, n);
    if (m > month) break;
    out.push({ month: m, amount: depreciationOfMonth(a, n) });
  }
  return out;
}
