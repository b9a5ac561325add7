import type { Db } from '../../db/database.ts';
import type { CommodityCeilingTable, PriceTable, ProductTable } from './catalog.table.ts';

export async function insertProduct(db: Db, row: ProductTable): Promise<void> {
  await db.insertInto('product').values(row).execute();
}

export async function findProductById(db: Db, id: string) {
  return db.selectFrom('product').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProductsByIds(db: Db, ids: string[]): Promise<ProductTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('product').selectAll().where('id', 'in', ids).execute();
}

export async function findProductsOfHub(db: Db, hubId: string): Promise<ProductTable[]> {
  return db.selectFrom('product').selectAll().where('hubId', '=', hubId).orderBy('sku').execute();
}

export async function findProductBySku(db: Db, hubId: string, sku: string) {
  return db
    .selectFrom('product')
    .selectAll()
    .where('hubId', '=', hubId)
    .where('sku', '=', sku)
    .executeTakeFirst();
}

export async function upsertPrice(db: Db, row: PriceTable): Promise<void> {
  await db
    .insertInto('price')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['productId', 'kind', 'effectiveFrom']).doUpdateSet({ amount: row.amount }),
    )
    .execute();
}

export async function findPricesOfProducts(db: Db, productIds: string[]): Promise<PriceTable[]> {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('price')
    .selectAll()
    .where('productId', 'in', productIds)
    .orderBy('effectiveFrom')
    .execute();
}

/** Inserts a ceiling unless one exists for its commodity, province and date: whether it did. */
export async function insertCeiling(db: Db, row: CommodityCeilingTable): Promise<boolean> {
  const res = await db
    .insertInto('commodityCeiling')
    .values(row)
    .onConflict((oc) => oc.columns(['commodity', 'provinceCode', 'effectiveFrom']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return res !== undefined;
}

export async function findCeilings(
  db: Db,
  filter: { commodity?: string } = {},
): Promise<CommodityCeilingTable[]> {
  let q = db.selectFrom('commodityCeiling').selectAll();
  if (filter.commodity !== undefined) q = q.where('commodity', '=', filter.commodity);
  return q.execute();
}

export async function findCeilingsOfCommodities(
  db: Db,
  commodities: string[],
  provinceCodes?: string[],
): Promise<CommodityCeilingTable[]> {
  if (commodities.length === 0) return [];
  let q = db.selectFrom('commodityCeiling').selectAll().where('commodity', 'in', commodities);
  if (provinceCodes) q = q.where('provinceCode', 'in', provinceCodes);
  return q.orderBy('effectiveFrom').execute();
}

export async function updateProductLastUnitCost(db: Db, productId: string, lastUnitCost: number) {
  await db.updateTable('product').set({ lastUnitCost }).where('id', '=', productId).execute();
}
