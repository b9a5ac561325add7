export type * from './corrections.table.ts';
export { REVERSIBLE_DOC_TYPES } from './corrections.table.ts';
export {
  reverseDocument,
  findReversalTarget,
  isReversibleDocType,
  type ReversalInput,
  type ReversalResult,
} from './reverse-document.ts';
export { previewReversal, type ReversalPreview } from './preview-reversal.ts';
export { planReversal, type ReversalPlan, type BlockingDocument } from './plan-reversal.ts';
export { checkReversalRight, type Reverser } from './reversal-rights.ts';
export { findAllReversals, findReversalsOfDocuments } from './corrections.repository.ts';
export { findReversalProblems } from './check-reversals.ts';
export { markReversed } from './mark-reversed.ts';
export {
  refundSale,
  refundedCostShare,
  type RefundInput,
  type RefundResult,
} from './refund-sale.ts';
export { findReceiptCorrectionProblems, findRefundProblems } from './check-refunds.ts';
export {
  correctDeliveryReceipt,
  type ReceiptCorrectionInput,
  type ReceiptCorrectionResult,
} from './correct-receipt.ts';
export { findRefundsOfSales } from './refund.repository.ts';
export { markRefunded } from './mark-refunded.ts';
