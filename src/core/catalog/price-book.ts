import type { Db } from '../../db/database.ts';
import { ceilingForNetContent, rupiah, type Rupiah } from '../shared/money.ts';
import type {
  CommodityCeilingTable,
  PriceKind,
  PriceTable,
  ProductTable,
} from './catalog.table.ts';
import {
  findCeilingsOfCommodities,
  findPricesOfProducts,
  findProductsByIds,
} from './catalog.repository.ts';

export interface Ceiling {
  amount: Rupiah;
  perBaseUnit: Rupiah;
  baseUnit: 'kg' | 'l';
  regulationRef: string;
  effectiveFrom: string;
}

/** The latest row in force on `date` (rows sorted by effectiveFrom ascending). */
function inForce<T extends { effectiveFrom: string }>(
  rows: T[] | undefined,
  date: string,
): T | undefined {
  if (!rows) return undefined;
  let found: T | undefined;
  for (const r of rows) {
    if (r.effectiveFrom <= date) found = r;
    else break;
  }
  return found;
}

/**
 * Prices and regulated ceilings of a set of products, on any date: loaded once
 * per command, resolved in memory.
 */
export class PriceBook {
  readonly products: Map<string, ProductTable>;
  private readonly prices: Map<string, PriceTable[]>;
  private readonly ceilings: Map<string, CommodityCeilingTable[]>;

  constructor(products: ProductTable[], prices: PriceTable[], ceilings: CommodityCeilingTable[]) {
    this.products = new Map(products.map((p) => [p.id, p]));
    this.prices = new Map();
    for (const p of prices) {
      const k = `${p.productId}|${p.kind}`;
      const list = this.prices.get(k) ?? [];
      list.push(p);
      this.prices.set(k, list);
    }
    this.ceilings = new Map();
    for (const c of ceilings) {
      const k = `${c.commodity}|${c.provinceCode}`;
      const list = this.ceilings.get(k) ?? [];
      list.push(c);
      this.ceilings.set(k, list);
    }
  }

  price(productId: string, kind: PriceKind, date: string): Rupiah | undefined {
    const row = inForce(this.prices.get(`${productId}|${kind}`), date);
    return row ? rupiah(row.amount) : undefined;
  }

  /** The regulated ceiling for one unit of the product in a province on a date, if the commodity is regulated there. */
  ceiling(productId: string, provinceCode: string | null, date: string): Ceiling | undefined {
    const product = this.products.get(productId);
    if (!product) return undefined;
    const row =
      (provinceCode
        ? inForce(this.ceilings.get(`${product.commodity}|${provinceCode}`), date)
        : undefined) ?? inForce(this.ceilings.get(`${product.commodity}|`), date);
    if (!row) return undefined;
    return {
      amount: ceilingForNetContent(rupiah(row.amount), product.netMilli),
      perBaseUnit: rupiah(row.amount),
      baseUnit: row.baseUnit,
      regulationRef: row.regulationRef,
      effectiveFrom: row.effectiveFrom,
    };
  }
}

/** Loads the price book of some products; with `provinceCode`, only that province's ceilings (and the national ones). */
export async function loadPriceBook(
  db: Db,
  productIds: string[],
  provinceCode?: string | null,
): Promise<PriceBook> {
  const ids = [...new Set(productIds)];
  const products = await findProductsByIds(db, ids);
  const [prices, ceilings] = await Promise.all([
    findPricesOfProducts(db, ids),
    findCeilingsOfCommodities(
      db,
      [...new Set(products.map((p) => p.commodity))],
      provinceCode === undefined ? undefined : ['', ...(provinceCode ? [provinceCode] : [])],
    ),
  ]);
  return new PriceBook(products, prices, ceilings);
}
