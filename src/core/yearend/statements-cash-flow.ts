import { COOP, HUB, type BookKind } from '../ledger/index.ts';
import type { DocType } from '../shared/doc-type.ts';
import type { CashEntryLine } from './statements.repository.ts';
import type { StatementSectionView } from './statements.types.ts';

export type CashActivity = 'operating' | 'investing' | 'financing';

/** The accounts whose balance is cash: Kas and Bank, in both books. */
export const CASH_ACCOUNTS = [COOP.kas, COOP.bank] as const;

const INVESTING: Record<BookKind, ReadonlySet<string>> = {
  cooperative: new Set([
    COOP.tanahBangunan,
    COOP.peralatan,
    COOP.kendaraan,
    COOP.akumulasiPenyusutan,
  ]),
  hub: new Set(),
};

const FINANCING: Record<BookKind, ReadonlySet<string>> = {
  cooperative: new Set([
    COOP.simpananSukarela,
    COOP.simpananPokok,
    COOP.simpananWajib,
    COOP.hibah,
    COOP.utangShuAnggota,
    COOP.danaPengurus,
    COOP.danaKaryawan,
    COOP.danaPendidikan,
    COOP.danaSosial,
    COOP.danaPembangunanDaerah,
    COOP.cadangan,
    COOP.shuBelumDibagi,
  ]),
  hub: new Set([HUB.modal]),
};

/**
 * The activity of an entry that moves cash, by its other accounts: investing
 * when it touches a fixed asset (or its depreciation), financing when it
 * touches savings, grants, SHU funds, reserves or capital, else operating.
 */
export function classifyCashEntry(book: BookKind, otherAccounts: readonly string[]): CashActivity {
  if (otherAccounts.some((a) => INVESTING[book].has(a))) return 'investing';
  if (otherAccounts.some((a) => FINANCING[book].has(a))) return 'financing';
  return 'operating';
}

const SALES: [string, string] = ['Penerimaan penjualan tunai', 'Pengembalian uang penjualan'];
const SUBSIDY: [string, string] = ['Subsidi diterima', 'Subsidi dibayarkan'];

/** Each kind of document's cash line in words: [inflow, outflow]. */
const DOC_WORDS: Record<DocType, [string, string]> = {
  goods_receipt: ['Penerimaan terkait penerimaan barang', 'Pembayaran pembelian barang'],
  delivery_dispatch: ['Penerimaan terkait pengiriman barang', 'Pembayaran pengiriman barang'],
  delivery_receipt: ['Penerimaan terkait penerimaan kiriman', 'Pembayaran penerimaan kiriman'],
  sale: SALES,
  sales_batch: SALES,
  sales_report: SALES,
  return: ['Penerimaan dari retur barang', 'Pembayaran retur barang'],
  stock_count: ['Penerimaan dari stok opname', 'Pembayaran susut stok opname'],
  payment: ['Penerimaan pembayaran koperasi', 'Pembayaran ke pengamanat'],
  subsidy: SUBSIDY,
  subsidy_grant: SUBSIDY,
  subsidy_netting: SUBSIDY,
  subsidy_payout: SUBSIDY,
  sembako_cash_collection: ['Penerimaan tunai Sembako', 'Penyetoran tunai Sembako'],
  reversal: ['Pembatalan dokumen (kas masuk)', 'Pembatalan dokumen (kas keluar)'],
  sale_refund: ['Pembatalan pengembalian penjualan', 'Pengembalian uang pembeli'],
  receipt_correction: ['Koreksi penerimaan barang (kas masuk)', 'Koreksi penerimaan barang'],
  savings: ['Setoran simpanan anggota', 'Penarikan simpanan anggota'],
  supplier_payment: ['Pengembalian dana dari pemasok', 'Pembayaran ke pemasok'],
  credit_loss_provision: ['Penyisihan piutang (kas masuk)', 'Penyisihan piutang (kas keluar)'],
  opening_balance: ['Saldo awal pembukuan', 'Saldo awal pembukuan (kas keluar)'],
  manual_entry: ['Penerimaan lain-lain', 'Beban dibayar'],
  fixed_asset: ['Penjualan aset tetap', 'Pembelian aset tetap'],
  depreciation: ['Penyusutan (kas masuk)', 'Penyusutan (kas keluar)'],
  fiscal_year_close: ['Penutupan buku (kas masuk)', 'Penutupan buku (kas keluar)'],
  shu_distribution: ['Pembagian SHU (kas masuk)', 'Pembayaran SHU anggota'],
};

/** Entries a bookkeeper writes by hand read as their activity, not as their kind. */
const ACTIVITY_WORDS: Partial<Record<CashActivity, [string, string]>> = {
  investing: ['Penjualan aset tetap', 'Pembelian aset tetap'],
  financing: ['Penerimaan pendanaan (hibah, modal)', 'Pengembalian pendanaan'],
};

function wordsOf(docType: DocType, activity: CashActivity): [string, string] {
  const generic = docType === 'manual_entry' || docType === 'opening_balance';
  return (generic ? ACTIVITY_WORDS[activity] : undefined) ?? DOC_WORDS[docType];
}

export const CASH_SECTIONS: { key: CashActivity; name: string }[] = [
  { key: 'operating', name: 'Arus Kas dari Aktivitas Operasi' },
  { key: 'investing', name: 'Arus Kas dari Aktivitas Investasi' },
  { key: 'financing', name: 'Arus Kas dari Aktivitas Pendanaan' },
];

/**
 * The direct-method cash flow of a period from the lines of its entries that
 * move cash: each entry whose net on Kas + Bank is not zero goes to its
 * activity, summed there by kind of document and direction (in or out).
 */
export function cashFlowSections(
  book: BookKind,
  lines: readonly CashEntryLine[],
): Record<CashActivity, number> & { sections: StatementSectionView[] } {
  const cash = new Set<string>(CASH_ACCOUNTS);
  const byEntry = new Map<string, CashEntryLine[]>();
  for (const l of lines) byEntry.set(l.entryId, [...(byEntry.get(l.entryId) ?? []), l]);
  const sums = new Map<
    string,
    { activity: CashActivity; code: string; name: string; amount: number }
  >();
  for (const entry of byEntry.values()) {
    const net = entry
      .filter((l) => cash.has(l.accountCode))
      .reduce((t, l) => t + l.debit - l.credit, 0);
    if (net === 0) continue;
    const others = entry.filter((l) => !cash.has(l.accountCode)).map((l) => l.accountCode);
    const activity = classifyCashEntry(book, others);
    const docType = entry[0]!.docType;
    const inflow = net > 0;
    const code = `${docType}_${inflow ? 'masuk' : 'keluar'}`;
    const key = `${activity}|${code}`;
    const s = sums.get(key);
    if (s) s.amount += net;
    else
      sums.set(key, {
        activity,
        code,
        name: wordsOf(docType, activity)[inflow ? 0 : 1],
        amount: net,
      });
  }
  const sections = CASH_SECTIONS.map(({ key, name }) => {
    const found = [...sums.values()]
      .filter((s) => s.activity === key)
      .sort(
        (a, b) => (a.amount > 0 ? 0 : 1) - (b.amount > 0 ? 0 : 1) || (a.code < b.code ? -1 : 1),
      );
    return {
      key,
      name,
      lines: found.map(({ code, name: n, amount }) => ({ code, name: n, amount })),
      total: found.reduce((t, s) => t + s.amount, 0),
    };
  });
  const total = (k: CashActivity) => sections.find((s) => s.key === k)!.total;
  return {
    operating: total('operating'),
    investing: total('investing'),
    financing: total('financing'),
    sections,
  };
}
