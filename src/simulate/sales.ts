import type { ProductTable } from '../core/catalog/index.ts';
import type { SaleInput } from '../core/consignment/index.ts';
import { newId } from '../core/shared/ids.ts';
import type { seededRandom } from '../demo/random.ts';
import { PRODUCT_WEIGHTS } from './plan.ts';

export interface SimulatedCoop {
  /** The cooperative's own random draws: the same whichever worker runs it. */
  rnd: ReturnType<typeof seededRandom>;
  /** Retail price of each product in the cooperative's province. */
  prices: number[];
}

/**
 * A cooperative's sales of `days` as its offline cashier holds them: about
 * `perDay` a day (±25 %) between 07:00 and 19:00 WIB, none after `untilMs`;
 * one product a basket, a second in three of ten, 1–3 units (the 50 kg sack: 1);
 * cash, QRIS or transfer.
 */
export function salesOfWeek(
  c: SimulatedCoop,
  products: ProductTable[],
  days: string[],
  opts: { perDay: number; untilMs: number },
): SaleInput[] {
  const sales: SaleInput[] = [];
  const productIndexes = products.map((_, i) => i);
  for (const day of days) {
    const count = Math.max(1, Math.round(opts.perDay * (0.75 + c.rnd.next() * 0.5)));
    for (let k = 0; k < count; k++) {
      const atMs = Date.parse(`${day}T00:00:00Z`) + c.rnd.int(0, 12 * 3600) * 1000;
      if (atMs > opts.untilMs) continue;
      const chosen = new Set<number>([c.rnd.pick(productIndexes, PRODUCT_WEIGHTS)]);
      if (c.rnd.chance(0.3)) chosen.add(c.rnd.pick(productIndexes, PRODUCT_WEIGHTS));
      sales.push({
        id: newId(),
        occurredAt: new Date(atMs).toISOString(),
        paymentMethod: c.rnd.pick(['cash', 'qris', 'transfer'] as const, [80, 15, 5]),
        lines: [...chosen].map((pi) => ({
          productId: products[pi]!.id,
          qty: pi === 1 ? 1 : c.rnd.pick([1, 1, 2, 2, 3, 3]),
          unitPrice: c.prices[pi]!,
        })),
      });
    }
  }
  return sales;
}
