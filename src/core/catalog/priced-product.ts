import type { Db } from '../../db/database.ts';
import { DomainError } from '../shared/errors.ts';
import type { Rupiah } from '../shared/money.ts';
import type { NetUnit } from './catalog.table.ts';
import { findProductsOfHub } from './catalog.repository.ts';
import { loadPriceBook } from './price-book.ts';

/** A product as the catalogue shows it: its prices and regulated ceiling in force on one date. */
export interface PricedProduct {
  id: string;
  sku: string;
  name: string;
  unit: string;
  commodity: string;
  netContent: { value: number; unit: NetUnit };
  consignmentPrice: Rupiah | null;
  retailPrice: Rupiah | null;
  /** The ceiling for the product's net content in the hub's province (or the national one). */
  ceilingPrice: Rupiah | null;
  ceilingRegulation: string | null;
  /** Since when that ceiling applies. */
  ceilingEffectiveFrom: string | null;
  hubId: string;
}

/** The products with their prices and the ceiling in the hub's province on `date`, in the order given. */
async function priceProducts(
  db: Db,
  productIds: string[],
  hubProvinceCode: string | null,
  date: string,
): Promise<PricedProduct[]> {
  const book = await loadPriceBook(db, productIds);
  return productIds.flatMap((id) => {
    const p = book.products.get(id);
    if (!p) return [];
    const ceiling = book.ceiling(id, hubProvinceCode, date);
    return [
      {
        id,
        sku: p.sku,
        name: p.name,
        unit: p.unit,
        commodity: p.commodity,
        netContent: { value: p.netValue, unit: p.netUnit },
        consignmentPrice: book.price(id, 'consignment', date) ?? null,
        retailPrice: book.price(id, 'retail', date) ?? null,
        ceilingPrice: ceiling?.amount ?? null,
        ceilingRegulation: ceiling?.regulationRef ?? null,
        ceilingEffectiveFrom: ceiling?.effectiveFrom ?? null,
        hubId: p.hubId,
      },
    ];
  });
}

/** A hub's catalogue (by SKU) with the prices and ceilings in force on `date`. */
export async function listPricedProducts(
  db: Db,
  hub: { id: string; provinceCode: string | null },
  date: string,
): Promise<PricedProduct[]> {
  const products = await findProductsOfHub(db, hub.id);
  return priceProducts(
    db,
    products.map((p) => p.id),
    hub.provinceCode,
    date,
  );
}

/** One product with its prices and ceiling on `date`; `NotFound` for an unknown id. */
export async function getPricedProduct(
  db: Db,
  productId: string,
  hubProvinceCode: string | null,
  date: string,
): Promise<PricedProduct> {
  const [product] = await priceProducts(db, [productId], hubProvinceCode, date);
  if (!product)
    throw new DomainError('NotFound', {
      message: 'Produk tidak ditemukan',
      messageEn: 'Product not found',
    });
  return product;
}
