import type { DocType } from '../shared/doc-type.ts';
export type LocationKind = 'warehouse' | 'store' | 'supplier' | 'transit' | 'customer' | 'loss';

export interface LocationTable {
  id: string;
  orgId: string;
  kind: LocationKind;
  name: string;
  /** A warehouse's address; null for the other kinds. */
  address: string | null;
}

/** A fact: `qty` units (cost `value`) of one product, owned by one org, moved between locations. */
export interface StockMoveTable {
  orgId: string;
  moveDate: string;
  id: string;
  docType: DocType;
  docId: string;
  productId: string;
  ownerOrgId: string;
  fromLocationId: string;
  toLocationId: string;
  qty: number;
  value: number;
  createdAt: string;
}

/** Σ in − Σ out of stock moves, kept current in the same transaction. `orgId` = the location's org. */
export interface StockBalanceTable {
  orgId: string;
  locationId: string;
  productId: string;
  ownerOrgId: string;
  qty: number;
  value: number;
}

export interface StockDiscrepancyTable {
  orgId: string;
  id: string;
  locationId: string;
  productId: string;
  raisedOn: string;
  sourceType: string;
  sourceId: string;
  recordedQty: number;
  resolvedByCountId: string | null;
}

export interface InventoryTables {
  location: LocationTable;
  stockMove: StockMoveTable;
  stockBalance: StockBalanceTable;
  stockDiscrepancy: StockDiscrepancyTable;
}
