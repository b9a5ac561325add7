/**
 * The kinds of document that post journal entries and stock moves: the
 * `doc_type` of both fact tables. `sale` is the per-sale posting of databases
 * made before sales were posted per sync (`sales_batch`); it is still read.
 * `reversal`: the mirror a reversing document posts (doc id = the reversal's;
 * the original is named by its `reversal` row). `sale_refund`: part of a
 * sale given back by its buyer; `receipt_correction`: a delivery receipt
 * corrected for units found (or missing) later. `savings`: a member's
 * simpanan deposited or withdrawn (doc id = the savings transaction's).
 * `opening_balance`: the balances an organization's books open with.
 * `supplier_payment`: the hub pays a supplier (doc id = the payment's);
 * `credit_loss_provision`: the period-end CKPN adjustment (doc id = the
 * provision's). `manual_entry`: a bookkeeper's own entry (expenses, opening
 * balances; doc id = the entry's client id); `fixed_asset`: a fixed asset
 * bought or brought into the books (doc id = the asset's); `depreciation`: a
 * month's straight-line depreciation of one asset (doc id = the
 * depreciation's); `fiscal_year_close`: the year-end entry that closes
 * revenue and expenses into the SHU allocation accounts (doc id = the
 * close's); `shu_distribution`: the members' SHU paid out or credited to
 * their sukarela (doc id = the distribution's).
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
  'supplier_payment',
  'credit_loss_provision',
  'opening_balance',
  'manual_entry',
  'fixed_asset',
  'depreciation',
  'fiscal_year_close',
  'shu_distribution',
] as const;

export type DocType = (typeof DOC_TYPES)[number];
