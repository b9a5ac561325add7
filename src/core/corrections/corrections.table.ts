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
  'manual_entry',
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

/**
 * A refund: a buyer gives back part of a sale (`saleId`). Its stock moves
 * and journal entries carry doc type `sale_refund` and its id; the units'
 * consignment charge (`consignmentAmount`) comes off the statement of its
 * date (`statementId`), like a reversal.
 */
export interface SaleRefundTable {
  orgId: string;
  id: string;
  hubId: string;
  saleId: string;
  refundDate: string;
  reason: string;
  method: 'cash' | 'qris';
  /** Paid back to the buyer: Σ q·p. */
  amount: number;
  consignmentAmount: number;
  costValue: number;
  statementId: string | null;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
}
/** What a refund gave back of one sale line. */
export interface SaleRefundLineTable {
  orgId: string;
  refundId: string;
  saleLineNo: number;
  productId: string;
  qty: number;
  amount: number;
  consignmentAmount: number;
  costValue: number;
}

/** A receipt corrected later: units found (+) or found missing (−) after the order's receipt `receiptId`. */
export interface ReceiptCorrectionTable {
  orgId: string;
  id: string;
  hubId: string;
  deliveryOrderId: string;
  receiptId: string;
  correctionDate: string;
  reason: string;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
}
export interface ReceiptCorrectionLineTable {
  orgId: string;
  correctionId: string;
  productId: string;
  /** Signed: + found later (loss → store), − missing later (store → loss). */
  qty: number;
  /** Signed, like qty: the cost value moved. */
  value: number;
}

export interface CorrectionsTables {
  reversal: ReversalTable;
  saleRefund: SaleRefundTable;
  saleRefundLine: SaleRefundLineTable;
  receiptCorrection: ReceiptCorrectionTable;
  receiptCorrectionLine: ReceiptCorrectionLineTable;
}
