import type { PriceBook } from '../catalog/index.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { longDate } from '../shared/business-date.ts';

export const MAX_LINES = 200;

export function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

export function isNonNegativeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * Checks document lines: at least one, at most MAX_LINES, each a product of
 * the hub's catalog once, with a positive whole quantity in `qtyField`.
 */
export function checkLines<T extends { productId: string }>(
  lines: T[] | undefined,
  qtyField: keyof T & string,
  book: PriceBook,
  hubId: string,
  opts: { allowZero?: boolean } = {},
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!Array.isArray(lines) || lines.length === 0)
    return [
      {
        path: '/lines',
        message: 'paling sedikit satu baris',
        messageEn: 'at least one line is required',
      },
    ];
  if (lines.length > MAX_LINES)
    return [
      {
        path: '/lines',
        message: `paling banyak ${MAX_LINES} baris`,
        messageEn: `at most ${MAX_LINES} lines`,
      },
    ];
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const p = book.products.get(l.productId);
    if (!p || p.hubId !== hubId)
      errors.push({
        path: `/lines/${i}/productId`,
        message: 'produk tidak dikenal',
        messageEn: 'unknown product',
      });
    if (seen.has(l.productId))
      errors.push({
        path: `/lines/${i}/productId`,
        message: 'produk tercantum dua kali',
        messageEn: 'product listed twice',
      });
    seen.add(l.productId);
    const q = l[qtyField];
    if (!(opts.allowZero ? isNonNegativeInt(q) : isPositiveInt(q))) {
      errors.push({
        path: `/lines/${i}/${qtyField}`,
        message: opts.allowZero
          ? 'harus bilangan bulat, 0 atau lebih'
          : 'harus bilangan bulat lebih dari 0',
        messageEn: opts.allowZero ? 'must be a whole number ≥ 0' : 'must be a whole number > 0',
      });
    }
  });
  return errors;
}

export function failIf(errors: ErrorDetail[], message: string): void {
  if (errors.length)
    throw new DomainError('ValidationFailed', { message: message, details: errors });
}

/** The consignment price of each line's product on a date; refuses products without one. */
export function consignmentPrices(
  book: PriceBook,
  productIds: string[],
  date: string,
): Map<string, number> {
  const out = new Map<string, number>();
  const errors: ErrorDetail[] = [];
  productIds.forEach((id, i) => {
    const k = book.price(id, 'consignment', date);
    if (k === undefined)
      errors.push({
        path: `/lines/${i}/productId`,
        message: `belum ada harga konsinyasi pada ${longDate(date)}`,
        messageEn: `no consignment price on ${date}`,
      });
    else out.set(id, k);
  });
  if (errors.length)
    throw new DomainError('PriceNotSet', {
      message: 'Harga konsinyasi belum ditetapkan untuk tanggal ini',
      details: errors,
    });
  return out;
}
