import i18n from 'i18next';
import { useMemo } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';

const id = {
  appName: 'Lumbung',
  signIn: 'Masuk',
  signOut: 'Keluar',
  email: 'E-mail',
  password: 'Kata sandi',
  signingIn: 'Sedang masuk…',
  loading: 'Memuat…',
  language: 'Bahasa',
  network: 'Jaringan koperasi',
  cooperative: 'Koperasi',
  district: 'Kecamatan',
  status: 'Status',
  balanceDue: 'Tagihan',
  overdue: 'Lewat jatuh tempo',
  exposure: 'Eksposur',
  exposureOver: 'Melebihi batas: pengiriman berikutnya ditolak',
  exposureNear: 'Mendekati batas ({{percent}} %)',
  limit: 'Batas',
  hold: 'Ditahan',
  active: 'Aktif',
  notParticipating: 'Belum peserta',
  search: 'Cari koperasi',
  noResults: 'Tidak ada koperasi yang cocok.',
  loadError: 'Data tidak dapat dimuat',
  retry: 'Coba lagi',
  dashboard: 'Ringkasan',
  consignedStock: 'Stok konsinyasi',
  inTransit: 'Dalam perjalanan',
  aging: 'Umur tagihan',
  current: 'Belum jatuh tempo',
  statements: 'Tagihan per periode',
  period: 'Periode',
  documentNumber: 'Nomor',
  dueDate: 'Jatuh tempo',
  closing: 'Saldo akhir',
  outstanding: 'Sisa',
  noStatements: 'Belum ada tagihan.',
  welcome: 'Selamat datang, {{name}}',
  sortBy: 'Urutkan menurut {{col}}',
  days: 'hari',
  monthSales: 'Penjualan bulan ini',
  ofPotential: 'terhadap potensi {{amount}}',
  show: 'Tampilkan',
  showAll: 'Semua',
  loadMore: 'Muat lebih banyak',
  sortLabel: 'Urutkan',
  pages: 'Halaman',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  pageOf: 'Halaman {{page}} dari {{pages}}',
  requestFailed: 'Permintaan gagal',
  menu: 'Menu',
  navNetwork: 'Jaringan',
  navDeliveries: 'Pengiriman',
  navGoodsReceipts: 'Penerimaan gudang',
  navWarehouseStock: 'Stok gudang',
  navProducts: 'Produk & harga',
  navSettlement: 'Penagihan',
  navBank: 'Bank',
  navPayables: 'Utang pemasok',
  navRisk: 'Risiko kredit',
  navSubsidy: 'Subsidi',
  navCeilings: 'HET/HAP',
  navAudit: 'Log audit',
  navSettings: 'Pengaturan',
  navJobs: 'Tugas terjadwal',
  navOrganizations: 'Organisasi',
  navUsers: 'Pengguna',
  navDashboard: 'Ringkasan',
  navReceive: 'Terima kiriman',
  navCashier: 'Kasir',
  navReturns: 'Retur',
  navCount: 'Stok opname',
  navStatements: 'Tagihan & bayar',
  navBooks: 'Pembukuan',
  navJournalAssets: 'Jurnal & aset',
  navYearEnd: 'Tutup buku & SHU',
  navFinancialStatements: 'Laporan keuangan',
  navMembers: 'Anggota',
  navQris: 'QRIS',
  navRegion: 'Ringkasan wilayah',
  navTraining: 'Pelatihan',
  navSembakoProgram: 'Sembako Bahagia',
  navSembakoAsn: 'Sembako saya',
  navPickup: 'Ambil paket',
  asnSignInLink: 'Masuk sebagai ASN (NIP)',
  activationLink: 'Punya kode aktivasi?',
  notFound: 'Halaman tidak ditemukan.',
  forbiddenTitle: 'Tidak berhak',
  forbidden: 'Anda tidak berhak membuka halaman ini.',
  back: 'Kembali',
  save: 'Simpan',
  cancel: 'Batal',
  required: 'Wajib diisi',
  date: 'Tanggal',
  product: 'Produk',
  qty: 'Jumlah',
  amount: 'Nilai',
  total: 'Total',
};
const en: typeof id = {
  appName: 'Lumbung',
  signIn: 'Sign in',
  signOut: 'Sign out',
  email: 'E-mail',
  password: 'Password',
  signingIn: 'Signing in…',
  loading: 'Loading…',
  language: 'Language',
  network: 'Cooperative network',
  cooperative: 'Cooperative',
  district: 'District',
  status: 'Status',
  balanceDue: 'Balance due',
  overdue: 'Overdue',
  exposure: 'Exposure',
  exposureOver: 'Over the limit: the next delivery will be refused',
  exposureNear: 'Near the limit ({{percent}} %)',
  limit: 'Limit',
  hold: 'On hold',
  active: 'Active',
  notParticipating: 'Not participating',
  search: 'Search cooperatives',
  noResults: 'No cooperative matches.',
  loadError: 'The data could not be loaded',
  retry: 'Try again',
  dashboard: 'Overview',
  consignedStock: 'Consigned stock',
  inTransit: 'In transit',
  aging: 'Aging',
  current: 'Not yet due',
  statements: 'Statements',
  period: 'Period',
  documentNumber: 'Number',
  dueDate: 'Due date',
  closing: 'Closing balance',
  outstanding: 'Outstanding',
  noStatements: 'No statements yet.',
  welcome: 'Welcome, {{name}}',
  sortBy: 'Sort by {{col}}',
  days: 'days',
  monthSales: "This month's sales",
  ofPotential: 'against the {{amount}} potential',
  show: 'Show',
  showAll: 'All',
  loadMore: 'Load more',
  sortLabel: 'Sort',
  pages: 'Pages',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {{page}} of {{pages}}',
  requestFailed: 'The request failed',
  menu: 'Menu',
  navNetwork: 'Network',
  navDeliveries: 'Deliveries',
  navGoodsReceipts: 'Goods receipts',
  navWarehouseStock: 'Warehouse stock',
  navProducts: 'Products & prices',
  navSettlement: 'Settlement',
  navBank: 'Bank',
  navPayables: 'Supplier payables',
  navRisk: 'Credit risk',
  navSubsidy: 'Subsidy',
  navCeilings: 'Price ceilings',
  navAudit: 'Audit log',
  navSettings: 'Settings',
  navJobs: 'Scheduled jobs',
  navOrganizations: 'Organizations',
  navUsers: 'Users',
  navDashboard: 'Overview',
  navReceive: 'Receive delivery',
  navCashier: 'Cashier',
  navReturns: 'Returns',
  navCount: 'Stock count',
  navStatements: 'Statements & pay',
  navBooks: 'Books',
  navJournalAssets: 'Journal & assets',
  navYearEnd: 'Year end & SHU',
  navFinancialStatements: 'Financial statements',
  navMembers: 'Members',
  navQris: 'QRIS',
  navRegion: 'Region overview',
  navTraining: 'Training',
  navSembakoProgram: 'Sembako Bahagia',
  navSembakoAsn: 'My sembako',
  navPickup: 'Package pickup',
  asnSignInLink: 'Sign in as a civil servant (NIP)',
  activationLink: 'Have an activation code?',
  notFound: 'Page not found.',
  forbiddenTitle: 'Not allowed',
  forbidden: 'You are not allowed to open this page.',
  back: 'Back',
  save: 'Save',
  cancel: 'Cancel',
  required: 'Required',
  date: 'Date',
  product: 'Product',
  qty: 'Quantity',
  amount: 'Amount',
  total: 'Total',
};

export type Lang = 'id' | 'en';
export function initialLang(): Lang {
  return localStorage.getItem('lumbung.lang') === 'en' ? 'en' : 'id';
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});

/** A feature's words by key, or a group of them under a key (read as `t('group.key')`). */
export interface Strings {
  [key: string]: string | Strings;
}

/**
 * A feature's own strings, as namespace `ns` (`useTranslation(ns)`, or a group of it with
 * `useTranslation(ns, { keyPrefix: 'group' })`): called once, in the feature folder's `strings.ts`,
 * which each of its screens imports so the strings arrive with their lazily loaded code. Both
 * languages must have the same keys.
 */
export function registerTranslations<T extends Strings>(
  ns: string,
  strings: { id: T; en: NoInfer<T> },
) {
  i18n.addResourceBundle('id', ns, strings.id, true, true);
  i18n.addResourceBundle('en', ns, strings.en, true, true);
}

/**
 * `useTranslation(ns)` whose `t` remembers what it has translated (per language, key and values):
 * for screens that re-render on every tap at the counter (the cashier), where i18next's own
 * lookup and interpolation of the same few labels on each render is a measurable part of the work.
 */
export function useCachedTranslation(ns: string, options?: { keyPrefix: string }) {
  const { t, i18n: instance } = useTranslation(ns, options);
  const lang = instance.language;
  const cached = useMemo(() => {
    const memo = new Map<string, string>();
    return (key: string, values?: Record<string, unknown>): string => {
      const k = values ? `${key}\u0000${JSON.stringify(values)}` : key;
      let text = memo.get(k);
      if (text === undefined) {
        text = values ? t(key, values) : t(key);
        if (memo.size > 500) memo.clear();
        memo.set(k, text);
      }
      return text;
    };
    // A new cache per language (and per t: namespaces loaded later).
  }, [t, lang]);
  return { t: cached, i18n: instance };
}

export default i18n;
