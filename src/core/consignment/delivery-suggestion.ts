import type { Db } from '../../db/database.ts';
import { findProductsOfHub, loadPriceBook } from '../catalog/index.ts';
import { findStockAtLocations } from '../inventory/index.ts';
import { HUB_SETTING_DEFAULTS, hubSettingsOn, loadCooperativeContext } from '../network/index.ts';
import { addDays } from '../shared/business-date.ts';
import { sumSoldQtyByProduct } from './sales-summary.repository.ts';

/** The sales history the suggestion looks at where the hub set none: four weeks, today included. */
export const SALES_WINDOW_DAYS = HUB_SETTING_DEFAULTS.salesWindowDays;
/** How many days of sales a delivery should leave the cooperative holding, where the hub set none. */
export const TARGET_COVER_DAYS = HUB_SETTING_DEFAULTS.replenishmentCoverDays;

export interface DeliverySuggestion {
  productId: string;
  /** Units sold in the hub's sales window (28 days unless the hub set another; the name is the API's). */
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
 * the hub's sales window, the hub's stock there and in transit to it, and the
 * suggested quantity of the next delivery for the hub's replenishment cover
 * (both the hub's settings in force today), with the window and cover used.
 */
export async function suggestDeliveryQuantities(
  db: Db,
  coopId: string,
  today: string,
): Promise<{ items: DeliverySuggestion[]; salesWindowDays: number; coverDays: number }> {
  const c = await loadCooperativeContext(db, coopId);
  const [products, settings] = await Promise.all([
    findProductsOfHub(db, c.hubId),
    hubSettingsOn(db, c.hubId, today),
  ]);
  const windowDays = settings.salesWindowDays;
  const coverDays = settings.replenishmentCoverDays;
  const [sold, balances, book] = await Promise.all([
    sumSoldQtyByProduct(db, coopId, addDays(today, -(windowDays - 1)), today),
    findStockAtLocations(db, [c.store, c.transit]),
    loadPriceBook(
      db,
      products.map((p) => p.id),
    ),
  ]);
  const items = products.map((p) => {
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
      suggestedQty: suggestedQuantity(x, coverDays, windowDays),
      consignmentPrice: book.price(p.id, 'consignment', today) ?? null,
    };
  });
  return { items, salesWindowDays: windowDays, coverDays };
}
