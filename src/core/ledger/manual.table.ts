/** A bookkeeper's own journal entry (doc type `manual_entry`, doc id `id`): kept for idempotency. */
export interface ManualJournalEntryTable {
  orgId: string;
  id: string;
  entryDate: string;
  memo: string;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
}

/** A fixed asset, depreciated straight line to `residualValue` over `usefulLifeMonths`. */
export interface FixedAssetTable {
  orgId: string;
  id: string;
  name: string;
  /** The fixed-asset account it sits on (1501 Tanah dan Bangunan, 1502 Peralatan, 1503 Kendaraan). */
  accountCode: string;
  acquiredOn: string;
  cost: number;
  residualValue: number;
  usefulLifeMonths: number;
  /** The account credited on acquisition (cash, bank, a payable, hibah…). */
  paidFromAccount: string;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
}

/** One asset's depreciation for one month (`YYYY-MM`), posted under doc type `depreciation`. */
export interface DepreciationTable {
  orgId: string;
  assetId: string;
  month: string;
  id: string;
  amount: number;
  createdAt: string;
}

export interface ManualBookTables {
  manualJournalEntry: ManualJournalEntryTable;
  fixedAsset: FixedAssetTable;
  depreciation: DepreciationTable;
}
