import type { Db } from '../../db/database.ts';
import { findLocationsOfOrgs, findStockAtLocations } from './stock.repository.ts';

/** One product of one owner at an organization: on its shelf, and on the way to it. */
export interface StockOnHand {
  productId: string;
  ownerOrgId: string;
  /** Units in the organization's store. */
  qty: number;
  /** Units dispatched to it, not yet received. */
  inTransit: number;
}

/**
 * The stock of an organization (a cooperative's store and its goods in
 * transit) by product and owner; lines with nothing on hand or on the way
 * are left out.
 */
export async function getStockOnHand(db: Db, orgId: string): Promise<StockOnHand[]> {
  const locations = (await findLocationsOfOrgs(db, [orgId])).filter(
    (l) => l.kind === 'store' || l.kind === 'transit',
  );
  const storeId = locations.find((l) => l.kind === 'store')?.id;
  const byKey = new Map<string, StockOnHand>();
  for (const r of await findStockAtLocations(db, locations)) {
    const key = `${r.productId}|${r.ownerOrgId}`;
    const item = byKey.get(key) ?? {
      productId: r.productId,
      ownerOrgId: r.ownerOrgId,
      qty: 0,
      inTransit: 0,
    };
    if (r.locationId === storeId) item.qty += r.qty;
    else item.inTransit += r.qty;
    byKey.set(key, item);
  }
  return [...byKey.values()].filter((i) => i.qty !== 0 || i.inTransit !== 0);
}
