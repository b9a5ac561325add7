/** The document kinds a reversal can undo (API.md, Corrections). */
export const REVERSIBLE_DOC_TYPES = [
  'sale',
  'payment',
  'goods_receipt',
  'delivery_receipt',
  'return',
  'stock_count',
  'subsidy_grant',
  'sembako_order',
] as const;
export type ReversibleDocType = (typeof REVERSIBLE_DOC_TYPES)[number];

/**
 * A reversing document: undoes `docType`/`docId` by the mirror of its journal
 * lines and stock moves (posted as doc type `reversal`, doc id `id`). At most
 * one per document. The four sums are what it adds to the statement of
 * `cooperativeId` (negative: the original's share with its sign turned).
 */
export interface ReversalTable {
  id: string;
  /** The original document's tenant. */
  orgId: string;
  docType: ReversibleDocType;
  docId: string;
  reason: string;
  reversalDate: string;
  /** The organizations whose books or stock the mirror touched, comma-separated. */
  orgIds: string;
  cooperativeId: string | null;
  salesAmount: number;
  shrinkageAmount: number;
  paymentsAmount: number;
  subsidyNettedAmount: number;
  statementId: string | null;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
}

export interface CorrectionsTables {
  reversal: ReversalTable;
}
