/**
 * The charts of accounts (SAK EP structure). The hub's books and a
 * cooperative's books have their own charts; codes are unique within a chart.
 * The chart is code, not data: an account's code keeps its meaning for good,
 * so databases written before an account was added need no change.
 */
export type AccountType = 'aset' | 'liabilitas' | 'ekuitas' | 'pendapatan' | 'beban';

/**
 * Where an account appears in the SAK EP statements: assets current or fixed;
 * liabilities (all short-term); equity; revenue from operations or other
 * income; operating expenses, other expenses or income tax.
 */
export type StatementSection =
  | 'aset_lancar'
  | 'aset_tetap'
  | 'liabilitas_jangka_pendek'
  | 'ekuitas'
  | 'pendapatan_usaha'
  | 'pendapatan_lain'
  | 'beban_usaha'
  | 'beban_lain'
  | 'beban_pajak';

export interface AccountDef {
  code: string;
  name: string;
  type: AccountType;
  section: StatementSection;
  /** Sub-ledger by counterparty organization (e.g. a receivable per cooperative). */
  byCounterparty: boolean;
  /**
   * Kept per cooperative, read as one total (hub only: 1302, 1303, 4101, 5101,
   * 5201, the accounts every cooperative's sales, counts, returns and
   * deliveries post to). Every line the commands post names the cooperative
   * whose goods or sales it is, so each cooperative's activity adds to its own
   * `account_balance` row (key org, account, counterparty) and cooperatives
   * never wait on one another for one hub-wide row. Not a sub-ledger: trial
   * balance, statements and exports show one line per account, the sum over
   * its counterparties. Lines posted before 2026-12-07 carry none ('') and
   * stay valid (the sum is the same); a reversal mirrors its document's lines
   * as they were posted, so it may carry none too.
   */
  byCooperative?: boolean;
  /**
   * Open to manual entries (`recordJournalEntry`): expenses, opening balances,
   * fixed assets. Accounts the commands keep (consignment, savings, subsidy,
   * SHU) are not: their sub-ledgers must stay equal to them.
   */
  manual: boolean;
  /** Balance on the other side than its type's (accumulated depreciation, CKPN): shown as a deduction. */
  contra?: boolean;
}

/** The side an account's balance normally sits on. */
export function normalSide(a: Pick<AccountDef, 'type' | 'contra'>): 'debit' | 'credit' {
  const debit = a.type === 'aset' || a.type === 'beban';
  return debit !== !!a.contra ? 'debit' : 'credit';
}

export const HUB = {
  kas: '1101',
  bank: '1102',
  piutangKonsinyasi: '1201',
  /** Contra-asset to 1201 for the whole portfolio (PSAK 71 matrix), not per cooperative. */
  ckpn: '1209',
  persediaanGudang: '1301',
  persediaanPerjalanan: '1302',
  persediaanKoperasi: '1303',
  utangUsaha: '2101',
  utangSubsidi: '2201',
  /** The hub's capital: the other side of the balances it opened its books with. */
  modal: '3101',
  penjualan: '4101',
  hpp: '5101',
  bebanSusut: '5201',
  bebanSubsidi: '5301',
  bebanPenurunanNilai: '5401',
} as const;

export const COOP = {
  kas: '1101',
  bank: '1102',
  piutangSubsidi: '1201',
  piutangPotongGaji: '1202',
  piutangLain: '1203',
  persediaanSendiri: '1301',
  biayaDibayarDimuka: '1401',
  tanahBangunan: '1501',
  peralatan: '1502',
  kendaraan: '1503',
  akumulasiPenyusutan: '1509',
  utangPengamanat: '2101',
  simpananSukarela: '2102',
  utangLain: '2103',
  bebanMasihHarusDibayar: '2104',
  utangShuAnggota: '2201',
  danaPengurus: '2202',
  danaKaryawan: '2203',
  danaPendidikan: '2204',
  danaSosial: '2205',
  danaPembangunanDaerah: '2206',
  simpananPokok: '3101',
  simpananWajib: '3102',
  hibah: '3201',
  cadangan: '3301',
  /** SHU of past years not yet divided, or a loss carried forward (debit). */
  shuBelumDibagi: '3401',
  /** Commission on sales to non-members (and every sale before members were kept). */
  pendapatanKomisi: '4101',
  /** Commission on sales to the cooperative's own members. */
  pendapatanKomisiAnggota: '4102',
  pendapatanSubsidi: '4201',
  pendapatanLain: '4901',
  bebanGaji: '5101',
  bebanListrik: '5102',
  bebanSewa: '5103',
  bebanTransportasi: '5104',
  bebanPenyusutan: '5105',
  bebanUmum: '5106',
  bebanSusut: '5201',
  bebanLain: '5901',
  bebanPajak: '5902',
} as const;

/**
 * Where a sale's commission goes in the cooperative's books, and where its
 * refunds and reversals take it back from: a member's sale (the sale keeps a
 * `memberId` only when it was a member's, checked on sync) to 4102, any other
 * to 4101.
 */
export const commissionAccountOf = (memberId: string | null | undefined) =>
  memberId ? COOP.pendapatanKomisiAnggota : COOP.pendapatanKomisi;

export const HUB_CHART: readonly AccountDef[] = [
  {
    code: HUB.kas,
    name: 'Kas',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: true,
  },
  {
    code: HUB.bank,
    name: 'Bank',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: true,
  },
  {
    code: HUB.piutangKonsinyasi,
    name: 'Piutang Konsinyasi',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: true,
    manual: false,
  },
  {
    code: HUB.ckpn,
    name: 'Cadangan Kerugian Penurunan Nilai Piutang (CKPN)',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: false,
    contra: true,
  },
  {
    code: HUB.persediaanGudang,
    name: 'Persediaan Gudang',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: false,
  },
  {
    code: HUB.persediaanPerjalanan,
    name: 'Persediaan Dalam Perjalanan',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    byCooperative: true,
    manual: false,
  },
  {
    code: HUB.persediaanKoperasi,
    name: 'Persediaan di Koperasi (Konsinyasi)',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    byCooperative: true,
    manual: false,
  },
  {
    code: HUB.utangUsaha,
    name: 'Utang Usaha',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: false,
  },
  {
    code: HUB.utangSubsidi,
    name: 'Utang Subsidi Operasional',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: true,
    manual: false,
  },
  {
    code: HUB.modal,
    name: 'Modal',
    type: 'ekuitas',
    section: 'ekuitas',
    byCounterparty: false,
    manual: true,
  },
  {
    code: HUB.penjualan,
    name: 'Penjualan Konsinyasi',
    type: 'pendapatan',
    section: 'pendapatan_usaha',
    byCounterparty: false,
    byCooperative: true,
    manual: false,
  },
  {
    code: HUB.hpp,
    name: 'Harga Pokok Penjualan',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    byCooperative: true,
    manual: false,
  },
  {
    code: HUB.bebanSusut,
    name: 'Beban Susut Persediaan',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    byCooperative: true,
    manual: false,
  },
  {
    code: HUB.bebanSubsidi,
    name: 'Beban Subsidi Operasional',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: false,
  },
  {
    code: HUB.bebanPenurunanNilai,
    name: 'Beban Kerugian Penurunan Nilai',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: false,
  },
];

export const COOP_CHART: readonly AccountDef[] = [
  {
    code: COOP.kas,
    name: 'Kas',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bank,
    name: 'Bank',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.piutangSubsidi,
    name: 'Piutang Subsidi Operasional',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: true,
    manual: false,
  },
  {
    code: COOP.piutangPotongGaji,
    name: 'Piutang Potong Gaji',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.piutangLain,
    name: 'Piutang Lain-lain',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.persediaanSendiri,
    name: 'Persediaan Barang Milik Sendiri',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.biayaDibayarDimuka,
    name: 'Biaya Dibayar di Muka',
    type: 'aset',
    section: 'aset_lancar',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.tanahBangunan,
    name: 'Tanah dan Bangunan',
    type: 'aset',
    section: 'aset_tetap',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.peralatan,
    name: 'Peralatan dan Inventaris',
    type: 'aset',
    section: 'aset_tetap',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.kendaraan,
    name: 'Kendaraan',
    type: 'aset',
    section: 'aset_tetap',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.akumulasiPenyusutan,
    name: 'Akumulasi Penyusutan Aset Tetap',
    type: 'aset',
    section: 'aset_tetap',
    byCounterparty: false,
    manual: true,
    contra: true,
  },
  {
    code: COOP.utangPengamanat,
    name: 'Utang kepada Pengamanat',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: true,
    manual: false,
  },
  {
    code: COOP.simpananSukarela,
    name: 'Simpanan Sukarela',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.utangLain,
    name: 'Utang Lain-lain',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bebanMasihHarusDibayar,
    name: 'Beban yang Masih Harus Dibayar',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.utangShuAnggota,
    name: 'Utang SHU Anggota',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.danaPengurus,
    name: 'Dana Pengurus',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.danaKaryawan,
    name: 'Dana Karyawan',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.danaPendidikan,
    name: 'Dana Pendidikan',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.danaSosial,
    name: 'Dana Sosial',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.danaPembangunanDaerah,
    name: 'Dana Pembangunan Daerah Kerja',
    type: 'liabilitas',
    section: 'liabilitas_jangka_pendek',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.simpananPokok,
    name: 'Simpanan Pokok',
    type: 'ekuitas',
    section: 'ekuitas',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.simpananWajib,
    name: 'Simpanan Wajib',
    type: 'ekuitas',
    section: 'ekuitas',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.hibah,
    name: 'Hibah (Donasi)',
    type: 'ekuitas',
    section: 'ekuitas',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.cadangan,
    name: 'Cadangan',
    type: 'ekuitas',
    section: 'ekuitas',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.shuBelumDibagi,
    name: 'SHU Tahun Lalu Belum Dibagi',
    type: 'ekuitas',
    section: 'ekuitas',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.pendapatanKomisi,
    name: 'Pendapatan Komisi Konsinyasi — Non-Anggota',
    type: 'pendapatan',
    section: 'pendapatan_usaha',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.pendapatanKomisiAnggota,
    name: 'Pendapatan Komisi Konsinyasi — Anggota',
    type: 'pendapatan',
    section: 'pendapatan_usaha',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.pendapatanSubsidi,
    name: 'Pendapatan Subsidi Operasional',
    type: 'pendapatan',
    section: 'pendapatan_usaha',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.pendapatanLain,
    name: 'Pendapatan Lain-lain',
    type: 'pendapatan',
    section: 'pendapatan_lain',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bebanGaji,
    name: 'Beban Gaji dan Honor',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bebanListrik,
    name: 'Beban Listrik, Air dan Telepon',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bebanSewa,
    name: 'Beban Sewa',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bebanTransportasi,
    name: 'Beban Transportasi',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bebanPenyusutan,
    name: 'Beban Penyusutan Aset Tetap',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.bebanUmum,
    name: 'Beban Administrasi dan Umum',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bebanSusut,
    name: 'Beban Susut Persediaan',
    type: 'beban',
    section: 'beban_usaha',
    byCounterparty: false,
    manual: false,
  },
  {
    code: COOP.bebanLain,
    name: 'Beban Lain-lain',
    type: 'beban',
    section: 'beban_lain',
    byCounterparty: false,
    manual: true,
  },
  {
    code: COOP.bebanPajak,
    name: 'Beban Pajak Penghasilan',
    type: 'beban',
    section: 'beban_pajak',
    byCounterparty: false,
    manual: true,
  },
];

export type BookKind = 'hub' | 'cooperative';

export function chartFor(kind: BookKind): readonly AccountDef[] {
  return kind === 'hub' ? HUB_CHART : COOP_CHART;
}

export function findAccount(kind: BookKind, code: string): AccountDef | undefined {
  return chartFor(kind).find((a) => a.code === code);
}

/** The codes of a book's accounts kept per cooperative and read as one total ({@link AccountDef.byCooperative}). */
export function byCooperativeCodes(book: BookKind): string[] {
  return chartFor(book)
    .filter((a) => a.byCooperative)
    .map((a) => a.code);
}
