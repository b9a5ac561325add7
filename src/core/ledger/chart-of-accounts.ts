/**
 * The charts of accounts (SAK EP style). The hub's books and a cooperative's
 * books have their own charts; codes are unique within a chart.
 */
export type AccountType = 'aset' | 'liabilitas' | 'ekuitas' | 'pendapatan' | 'beban';
export interface AccountDef {
  code: string;
  name: string;
  type: AccountType;
  /** Sub-ledger by counterparty organization (e.g. a receivable per cooperative). */
  byCounterparty: boolean;
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
  utangPengamanat: '2101',
  simpananSukarela: '2102',
  simpananPokok: '3101',
  simpananWajib: '3102',
  /** Commission on sales to non-members (and every sale before members were kept). */
  pendapatanKomisi: '4101',
  /** Commission on sales to the cooperative's own members. */
  pendapatanKomisiAnggota: '4102',
  pendapatanSubsidi: '4201',
  bebanSusut: '5201',
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
  { code: HUB.kas, name: 'Kas', type: 'aset', byCounterparty: false },
  { code: HUB.bank, name: 'Bank', type: 'aset', byCounterparty: false },
  { code: HUB.piutangKonsinyasi, name: 'Piutang Konsinyasi', type: 'aset', byCounterparty: true },
  {
    code: HUB.ckpn,
    name: 'Cadangan Kerugian Penurunan Nilai Piutang (CKPN)',
    type: 'aset',
    byCounterparty: false,
  },
  { code: HUB.persediaanGudang, name: 'Persediaan Gudang', type: 'aset', byCounterparty: false },
  {
    code: HUB.persediaanPerjalanan,
    name: 'Persediaan Dalam Perjalanan',
    type: 'aset',
    byCounterparty: false,
  },
  {
    code: HUB.persediaanKoperasi,
    name: 'Persediaan di Koperasi (Konsinyasi)',
    type: 'aset',
    byCounterparty: false,
  },
  { code: HUB.utangUsaha, name: 'Utang Usaha', type: 'liabilitas', byCounterparty: false },
  {
    code: HUB.utangSubsidi,
    name: 'Utang Subsidi Operasional',
    type: 'liabilitas',
    byCounterparty: true,
  },
  { code: HUB.modal, name: 'Modal', type: 'ekuitas', byCounterparty: false },
  { code: HUB.penjualan, name: 'Penjualan Konsinyasi', type: 'pendapatan', byCounterparty: false },
  { code: HUB.hpp, name: 'Harga Pokok Penjualan', type: 'beban', byCounterparty: false },
  { code: HUB.bebanSusut, name: 'Beban Susut Persediaan', type: 'beban', byCounterparty: false },
  {
    code: HUB.bebanSubsidi,
    name: 'Beban Subsidi Operasional',
    type: 'beban',
    byCounterparty: false,
  },
  {
    code: HUB.bebanPenurunanNilai,
    name: 'Beban Kerugian Penurunan Nilai',
    type: 'beban',
    byCounterparty: false,
  },
];

export const COOP_CHART: readonly AccountDef[] = [
  { code: COOP.kas, name: 'Kas', type: 'aset', byCounterparty: false },
  { code: COOP.bank, name: 'Bank', type: 'aset', byCounterparty: false },
  {
    code: COOP.piutangSubsidi,
    name: 'Piutang Subsidi Operasional',
    type: 'aset',
    byCounterparty: true,
  },
  {
    code: COOP.piutangPotongGaji,
    name: 'Piutang Potong Gaji',
    type: 'aset',
    byCounterparty: false,
  },
  {
    code: COOP.utangPengamanat,
    name: 'Utang kepada Pengamanat',
    type: 'liabilitas',
    byCounterparty: true,
  },
  {
    code: COOP.simpananSukarela,
    name: 'Simpanan Sukarela',
    type: 'liabilitas',
    byCounterparty: false,
  },
  { code: COOP.simpananPokok, name: 'Simpanan Pokok', type: 'ekuitas', byCounterparty: false },
  { code: COOP.simpananWajib, name: 'Simpanan Wajib', type: 'ekuitas', byCounterparty: false },
  {
    code: COOP.pendapatanKomisi,
    name: 'Pendapatan Komisi Konsinyasi — Non-Anggota',
    type: 'pendapatan',
    byCounterparty: false,
  },
  {
    code: COOP.pendapatanKomisiAnggota,
    name: 'Pendapatan Komisi Konsinyasi — Anggota',
    type: 'pendapatan',
    byCounterparty: false,
  },
  {
    code: COOP.pendapatanSubsidi,
    name: 'Pendapatan Subsidi Operasional',
    type: 'pendapatan',
    byCounterparty: false,
  },
  { code: COOP.bebanSusut, name: 'Beban Susut Persediaan', type: 'beban', byCounterparty: false },
];

export type BookKind = 'hub' | 'cooperative';

export function chartFor(kind: BookKind): readonly AccountDef[] {
  return kind === 'hub' ? HUB_CHART : COOP_CHART;
}

export function findAccount(kind: BookKind, code: string): AccountDef | undefined {
  return chartFor(kind).find((a) => a.code === code);
}
