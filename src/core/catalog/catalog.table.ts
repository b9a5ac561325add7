export type NetUnit = 'g' | 'kg' | 'ml' | 'l';

export interface ProductTable {
  id: string;
  hubId: string;
  sku: string;
  name: string;
  unit: string;
  commodity: string;
  netValue: number;
  netUnit: NetUnit;
  /** Net content in grams or millilitres. */
  netMilli: number;
  /** Last known moving-average unit cost at the hub; used when a balance has no stock to average. */
  lastUnitCost: number;
  createdAt: string;
}

export type PriceKind = 'consignment' | 'retail';
export interface PriceTable {
  productId: string;
  kind: PriceKind;
  effectiveFrom: string;
  amount: number;
  createdAt: string;
}

export interface CommodityCeilingTable {
  id: string;
  commodity: string;
  /** '' = every province without a row of its own. */
  provinceCode: string;
  effectiveFrom: string;
  /** Rupiah per kg or per litre. */
  amount: number;
  baseUnit: 'kg' | 'l';
  regulationRef: string;
}

export interface CatalogTables {
  product: ProductTable;
  price: PriceTable;
  commodityCeiling: CommodityCeilingTable;
}
