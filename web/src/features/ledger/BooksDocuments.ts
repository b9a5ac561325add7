/** The kinds of document behind journal entries, in Indonesian and English. */
export const DOCUMENTS = {
  sale: ['Penjualan', 'Sale'],
  sales_batch: ['Penjualan (rekap per sinkron)', 'Sales (summary per sync)'],
  payment: ['Pembayaran', 'Payment'],
  stock_count: ['Stok opname', 'Stock count'],
  subsidy_grant: ['Subsidi operasional', 'Operational subsidy'],
  subsidy_netting: ['Subsidi dinetting', 'Subsidy netted'],
  subsidy_payout: ['Subsidi ditransfer', 'Subsidy paid out'],
  goods_receipt: ['Penerimaan gudang', 'Goods receipt'],
  delivery_dispatch: ['Pengiriman', 'Dispatch'],
  delivery_receipt: ['Penerimaan kiriman', 'Delivery receipt'],
  return: ['Retur', 'Return'],
  reversal: ['Pembatalan', 'Reversal'],
  sale_refund: ['Retur pembeli', 'Buyer’s refund'],
  receipt_correction: ['Koreksi penerimaan kiriman', 'Delivery receipt correction'],
  savings: ['Simpanan anggota', 'Member savings'],
  opening_balance: ['Saldo awal', 'Opening balance'],
  supplier_payment: ['Pembayaran ke pemasok', 'Supplier payment'],
  credit_loss_provision: ['Penyesuaian CKPN', 'Credit loss allowance (CKPN)'],
  manual_entry: ['Jurnal manual', 'Manual entry'],
  fixed_asset: ['Perolehan aset tetap', 'Fixed asset acquired'],
  depreciation: ['Penyusutan aset tetap', 'Depreciation'],
  fiscal_year_close: ['Tutup buku tahunan', 'Year-end close'],
  shu_distribution: ['Pembagian SHU anggota', 'Members’ SHU distributed'],
  sembako_cash_collection: [
    'Tunai potongan gaji gagal (Sembako)',
    'Failed deduction paid in cash (Sembako)',
  ],
} as const satisfies Record<string, readonly [string, string]>;

/** The document kinds the journal can be narrowed to. */
export type DocumentType = keyof typeof DOCUMENTS;

/** A document kind in the user's language (an unknown kind as it is). */
export function documentName(type: string, lang: string): string {
  const w = (DOCUMENTS as Record<string, readonly [string, string]>)[type];
  return w ? w[lang === 'en' ? 1 : 0] : type;
}

/** The first day of the month of a business date `YYYY-MM-DD`. */
export function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}
