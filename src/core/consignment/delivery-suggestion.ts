import type { Db } from '../../db/database.ts';
import { findProductsOfHub, loadPriceBook } from '../catalog/index.ts';
import { findStockAtLocations } from '../inventory/index.ts';
import { loadCooperativeContext } from '../network/index.ts';
import { addDays } from '../shared/business-date.ts';
import { sumSoldQtyByProduct } from './sales-summary.repository.ts';

/** The sales history the suggestion looks at: the last four weeks, today included. */
export const SALES_WINDOW_DAYS = 28;
/** How many days of sales a delivery should leave the cooperative holding. */
export const TARGET_COVER_DAYS = 14;

export interface DeliverySuggestion {
  productId: string;
  sold28Days: number;
  stock: number;
  inTransit: number;
  suggestedQty: number;
  /** Today's consignment price, or null when the product has none (it cannot be delivered). */
  consignmentPrice: number | null;
}

/**
 * The quantity to send: the sales of the window scaled to the target cover,
 * rounded up to whole units (a short shelf costs a sale, a unit too many only
 * waits), minus what the cooperative holds and what is on its way; never
 * below 0. Negative recorded stock (sales past the books, not yet counted)
 * counts as none.
 */
export function suggestedQuantity(
  x: { sold28Days: number; stock: number; inTransit: number },
  coverDays = TARGET_COVER_DAYS,
  windowDays = SALES_WINDOW_DAYS,
): number {
  const target = Math.ceil((Math.max(0, x.sold28Days) * coverDays) / windowDays);
  return Math.max(0, target - Math.max(0, x.stock) - Math.max(0, x.inTransit));
}

/**
 * For each product of the cooperative's hub: its sales at the cooperative over
 * the last four weeks, the hub's stock there and in transit to it, and the
 * suggested quantity of the next delivery.
 */
export async function suggestDeliveryQuantities(
  db: Db,
  coopId: string,
  today: string,
): Promise<DeliverySuggestion[]> {
  const c = await loadCooperativeContext(db, coopId);
  const products = await findProductsOfHub(db, c.hubId);
  const [sold, balances, book] = await Promise.all([
    sumSoldQtyByProduct(db, coopId, addDays(today, -(SALES_WINDOW_DAYS - 1)), today),
    findStockAtLocations(db, [c.store, c.transit]),
    loadPriceBook(
      db,
      products.map((p) => p.id),
    ),
  ]);
  return products.map((p) => {
    let stock = 0;
    let inTransit = 0;
    for (const b of balances) {
      if (b.productId !== p.id || b.ownerOrgId !== c.hubId) continue;
      if (b.locationId === c.store.id) stock += b.qty;
      else inTransit += b.qty;
    }
    const x = { sold28Days: sold.get(p.id) ?? 0, stock, inTransit };
    return {
      productId: p.id,
      ...x,
      suggestedQty: suggestedQuantity(x),
      consignmentPrice: book.price(p.id, 'consignment', today) ?? null,
    };
  });
}
