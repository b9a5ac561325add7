/**
 * Money is integer rupiah; quantities are integer units. Every rounding rule
 * lives here, named after what it does.
 */
declare const rupiahBrand: unique symbol;
/** An amount of money in whole rupiah. */
export type Rupiah = number & { readonly [rupiahBrand]: true };

export class MoneyError extends Error {}

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value))
    throw new MoneyError(`${what} must be a safe integer, got ${value}`);
}

/** Brands a number as rupiah after checking it is a safe integer. */
export function rupiah(value: number): Rupiah {
  assertSafeInteger(value, 'Rupiah amount');
  return value as Rupiah;
}

export const ZERO = 0 as Rupiah;

export function addRupiah(...amounts: Rupiah[]): Rupiah {
  let total = 0;
  for (const a of amounts) total += a;
  return rupiah(total);
}

export function subRupiah(a: Rupiah, b: Rupiah): Rupiah {
  return rupiah(a - b);
}

/** price × quantity, exact (both integers). */
export function lineAmount(unitPrice: Rupiah, qty: number): Rupiah {
  assertSafeInteger(qty, 'Quantity');
  return rupiah(unitPrice * qty);
}

/**
 * `amount × numerator / denominator`, rounded down to whole rupiah (floor).
 * Used for pro rata subsidies: the cooperative never gets a fraction more.
 */
export function prorateDown(amount: Rupiah, numerator: number, denominator: number): Rupiah {
  assertSafeInteger(numerator, 'Numerator');
  assertSafeInteger(denominator, 'Denominator');
  if (denominator <= 0) throw new MoneyError('Denominator must be positive');
  const exact = amount * numerator;
  if (Number.isSafeInteger(exact)) {
    // Within 2^53 the same floor in plain numbers, its quotient corrected by the remainder.
    let q = Math.floor(exact / denominator);
    if (q * denominator > exact) q--;
    else if ((q + 1) * denominator <= exact) q++;
    return rupiah(q === 0 ? 0 : q); // never −0
  }
  const big = (BigInt(amount) * BigInt(numerator)) / BigInt(denominator);
  // BigInt division truncates toward zero; floor negative results.
  const rem = (BigInt(amount) * BigInt(numerator)) % BigInt(denominator);
  return rupiah(Number(rem < 0n ? big - 1n : big));
}

/**
 * `amount × numerator / denominator`, rounded half away from zero. Used to
 * take the cost value of part of a stock balance at its moving average.
 */
export function prorateHalfUp(amount: number, numerator: number, denominator: number): Rupiah {
  assertSafeInteger(amount, 'Amount');
  assertSafeInteger(numerator, 'Numerator');
  assertSafeInteger(denominator, 'Denominator');
  if (denominator <= 0) throw new MoneyError('Denominator must be positive');
  const exact = amount * numerator;
  if (Number.isSafeInteger(Math.abs(exact) * 2 + denominator * 2)) {
    // Within 2^53 the same half-up division in plain numbers, its quotient corrected by the remainder.
    const num = Math.abs(exact) * 2 + denominator;
    const den = 2 * denominator;
    let q = Math.floor(num / den);
    if (q * den > num) q--;
    else if ((q + 1) * den <= num) q++;
    return rupiah(exact < 0 && q !== 0 ? -q : q);
  }
  const product = BigInt(amount) * BigInt(numerator);
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  const d = BigInt(denominator);
  const q = (abs * 2n + d) / (2n * d);
  return rupiah(Number(q * sign));
}

/**
 * A regulated ceiling given per kg or per litre, applied to a product's net
 * content in grams or millilitres: rounded down, so the ceiling is never
 * looser than the regulation.
 */
export function ceilingForNetContent(perBaseUnit: Rupiah, netMilli: number): Rupiah {
  return prorateDown(perBaseUnit, netMilli, 1000);
}

const idr = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
/** `Rp 1.234.567` (negative: `-Rp 1.234.567`). */
export function formatRupiah(amount: number): string {
  const text = `Rp ${idr.format(Math.abs(amount))}`;
  return amount < 0 ? `-${text}` : text;
}
