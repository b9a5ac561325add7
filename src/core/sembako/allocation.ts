import { MoneyError } from '../shared/money.ts';

/**
 * Splits `total` whole rupiah over `weights` in proportion, by the largest
 * remainder rule: each part gets ⌊total·wᵢ/W⌋, and the rupiah left over go one
 * each to the parts with the largest fractional remainders (ties: the earlier
 * part). The parts add up to `total` exactly, and when `total ≤ W` no part
 * exceeds its weight (so weights that are caps are never passed).
 */
export function allocateLargestRemainder(total: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new MoneyError(`total must be a whole amount ≥ 0, got ${total}`);
  for (const w of weights)
    if (!Number.isSafeInteger(w) || w < 0)
      throw new MoneyError(`weights must be whole numbers ≥ 0, got ${w}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map(() => 0);
  if (sum === 0) throw new MoneyError('cannot split an amount over zero weights');
  const T = BigInt(total);
  const W = BigInt(sum);
  const parts = weights.map((w) => (T * BigInt(w)) / W);
  const rems = weights.map((w, i) => ({ i, r: (T * BigInt(w)) % W }));
  let left = T - parts.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

export interface PackageItemPricing {
  productId: string;
  /** Units of the product in one package. */
  qty: number;
  /** The regulated ceiling of one unit, if the commodity is regulated. */
  ceiling?: number;
  /** The weight when there is no ceiling (e.g. the retail price). */
  fallbackPrice: number;
}

export interface SaleLineSplit {
  productId: string;
  qty: number;
  unitPrice: number;
}

/**
 * The sale lines of `packages` packages sold at `price` each: the package
 * price is split over its items in proportion to qty × ceiling (largest
 * remainder, `allocateLargestRemainder`), then each item's amount A over its
 * q units as r = A mod q units at u + 1 and q − r units at u = ⌊A/q⌋. The
 * lines add up to packages × price exactly; when price ≤ Σ qty × ceiling no
 * unit price passes its ceiling. Returns undefined when the price is above
 * what the ceilings allow.
 */
export function splitPackagePrice(
  price: number,
  items: PackageItemPricing[],
  packages = 1,
): SaleLineSplit[] | undefined {
  if (items.length === 0) return undefined;
  const weights = items.map((it) => it.qty * (it.ceiling ?? it.fallbackPrice));
  const capped = items.every((it) => it.ceiling !== undefined);
  const cap = weights.reduce((a, b) => a + b, 0);
  if (capped && price > cap) return undefined;
  const amounts =
    cap === 0
      ? allocateLargestRemainder(
          price,
          items.map((it) => it.qty),
        )
      : allocateLargestRemainder(price, weights);
  const lines: SaleLineSplit[] = [];
  items.forEach((it, i) => {
    const a = amounts[i]!;
    const u = Math.floor(a / it.qty);
    const r = a - u * it.qty;
    if (r > 0) lines.push({ productId: it.productId, qty: r * packages, unitPrice: u + 1 });
    if (it.qty - r > 0)
      lines.push({ productId: it.productId, qty: (it.qty - r) * packages, unitPrice: u });
  });
  return lines;
}
