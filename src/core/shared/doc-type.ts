/**
 * The kinds of document that post journal entries and stock moves: the
 * `doc_type` of both fact tables. `sale` is the per-sale posting of databases
 * made before sales were posted per sync (`sales_batch`); it is still read.
 * `reversal`: the mirror a reversing document posts (doc id = the reversal's;
 * the original is named by its `reversal` row). `sale_refund`: part of a
 * sale given back by its buyer; `receipt_correction`: a delivery receipt
 * corrected for units found (or missing) later. `savings`: a member's
 * simpanan deposited or withdrawn (doc id = the savings transaction's).
 */
export const DOC_TYPES = [
  'goods_receipt',
  'delivery_dispatch',
  'delivery_receipt',
  'sale',
  'sales_batch',
  'sales_report',
  'return',
  'stock_count',
  'payment',
  'subsidy',
  'subsidy_grant',
  'subsidy_netting',
  'subsidy_payout',
  'sembako_cash_collection',
  'reversal',
  'sale_refund',
  'receipt_correction',
  'savings',
] as const;

export type DocType = (typeof DOC_TYPES)[number];
