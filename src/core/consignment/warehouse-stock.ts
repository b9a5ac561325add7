import type { Db } from '../../db/database.ts';
import { findProductsByIds } from '../catalog/index.ts';
import { findLocationById, findStockAtLocations } from '../inventory/index.ts';
import { DomainError } from '../shared/errors.ts';
import { sumOpenDeliveryQtyOfWarehouse } from './warehouse-stock.repository.ts';

/** One product at a hub warehouse. */
export interface WarehouseStockLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  /** Units at the warehouse: Σ in − Σ out of its stock moves. */
  onHand: number;
  /** Units dispatched from it on delivery orders not yet received. */
  inTransit: number;
  /** Units on its draft delivery orders (still on hand, promised to a cooperative). */
  reserved: number;
  /** Cost value of the units on hand (moving average), rupiah. */
  value: number;
}

export interface WarehouseStock {
  warehouseId: string;
  name: string;
  items: WarehouseStockLine[];
  /** Σ value of the lines. */
  totalValue: number;
}

/**
 * The stock of one warehouse of the hub by product, in product name order;
 * products with nothing on hand, on the way or reserved are left out. A
 * location that is not a warehouse of this hub is `NotFound`.
 */
export async function getWarehouseStock(
  db: Db,
  hubId: string,
  warehouseId: string,
): Promise<WarehouseStock> {
  const warehouse = await findLocationById(db, warehouseId);
  if (!warehouse || warehouse.orgId !== hubId || warehouse.kind !== 'warehouse')
    throw new DomainError('NotFound', {
      message: 'Gudang tidak ditemukan',
      messageEn: 'Warehouse not found',
    });
  const [balances, open] = await Promise.all([
    findStockAtLocations(db, [warehouse]),
    sumOpenDeliveryQtyOfWarehouse(db, hubId, warehouse.id),
  ]);
  const byProduct = new Map<
    string,
    { onHand: number; inTransit: number; reserved: number; value: number }
  >();
  const lineOf = (productId: string) => {
    let l = byProduct.get(productId);
    if (!l) byProduct.set(productId, (l = { onHand: 0, inTransit: 0, reserved: 0, value: 0 }));
    return l;
  };
  for (const b of balances) {
    const l = lineOf(b.productId);
    l.onHand += Number(b.qty);
    l.value += Number(b.value);
  }
  for (const o of open) {
    const l = lineOf(o.productId);
    if (o.status === 'draft') l.reserved += o.qty;
    else l.inTransit += o.qty;
  }
  const products = new Map(
    (await findProductsByIds(db, [...byProduct.keys()])).map((p) => [p.id, p]),
  );
  const items: WarehouseStockLine[] = [];
  for (const [productId, l] of byProduct) {
    if (l.onHand === 0 && l.inTransit === 0 && l.reserved === 0 && l.value === 0) continue;
    const p = products.get(productId);
    items.push({
      productId,
      sku: p?.sku ?? '',
      name: p?.name ?? productId,
      unit: p?.unit ?? '',
      ...l,
    });
  }
  items.sort(
    (a, b) => a.name.localeCompare(b.name, 'id') || a.productId.localeCompare(b.productId),
  );
  return {
    warehouseId: warehouse.id,
    name: warehouse.name,
    items,
    totalValue: items.reduce((s, i) => s + i.value, 0),
  };
}
