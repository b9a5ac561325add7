import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field } from '../../ui/forms.tsx';
import { LoadMore, QueryState } from '../../ui/QueryState.tsx';
import { instantWib } from '../../ui/format.ts';
import './strings.ts';

/** The commands the trail records (operationIds), in the words of the screens. */
const ACTIONS = {
  recordPayment: ['Catat pembayaran', 'Record payment'],
  closeSettlementPeriod: ['Tutup periode', 'Close period'],
  runMonthlySubsidy: ['Proses subsidi bulanan', 'Run monthly subsidy'],
  runJob: ['Jalankan tugas terjadwal', 'Run a scheduled job'],
  markSubsidyPaid: ['Subsidi ditandai dibayar', 'Subsidy marked paid'],
  markSubsidyRunPaid: ['Subsidi sebulan ditandai dibayar', 'Month’s subsidies marked paid'],
  createDeliveryOrder: ['Buat surat jalan', 'Create delivery order'],
  dispatchDeliveryOrder: ['Kirim surat jalan', 'Dispatch delivery order'],
  'delivery_order.dispatch_override': [
    'Kirim dengan persetujuan khusus (pemeriksaan)',
    'Dispatched with an override (the check)',
  ],
  receiveDeliveryOrder: ['Terima kiriman', 'Receive delivery'],
  cancelDeliveryOrder: ['Batalkan surat jalan', 'Cancel delivery order'],
  createGoodsReceipt: ['Penerimaan gudang', 'Goods receipt'],
  recordSales: ['Catat penjualan', 'Record sales'],
  createReturn: ['Retur', 'Return'],
  createStockCount: ['Stok opname', 'Stock count'],
  createCooperative: ['Daftarkan koperasi', 'Register cooperative'],
  createParticipation: ['Kepesertaan koperasi', 'Cooperative participation'],
  createProduct: ['Tambah produk', 'Add product'],
  setProductPrices: ['Ubah harga', 'Change prices'],
  createUser: ['Tambah pengguna', 'Add user'],
  login: ['Masuk', 'Sign in'],
  logout: ['Keluar', 'Sign out'],
  createApiToken: ['Buat token API', 'Create API token'],
  setLocale: ['Ganti bahasa', 'Change language'],
  reverseDocument: ['Batalkan dokumen', 'Reverse a document'],
  refundSale: ['Retur pembeli', 'Buyer’s refund'],
  correctDeliveryReceipt: ['Koreksi penerimaan kiriman', 'Correct a delivery receipt'],
  updateParticipation: ['Ubah ketentuan kepesertaan', 'Change participation terms'],
  endParticipation: ['Akhiri kepesertaan', 'End participation'],
  createOrganization: ['Tambah organisasi', 'Add organization'],
  importCooperatives: ['Impor koperasi', 'Import cooperatives'],
  createCommodityCeiling: ['Tambah HET/HAP', 'Add price ceiling'],
  updateUser: ['Ubah pengguna', 'Change user'],
  issueUserCode: ['Buat kode aktivasi/reset', 'Issue activation/reset code'],
  exportManagerActivationCodes: ['Kode aktivasi pengurus', 'Manager activation codes'],
  updateHubProfile: ['Ubah profil hub', 'Change hub profile'],
  createWarehouse: ['Tambah gudang', 'Add warehouse'],
  updateHubSettings: ['Ubah pengaturan hub', 'Change hub settings'],
  recordPayrollAuthorization: ['Catat surat kuasa potong gaji', 'Record payroll authorization'],
  reissueParticipantCode: ['Kode baru peserta', 'New participant code'],
  exportActivationCodes: ['Kode aktivasi peserta', 'Participant activation codes'],
  updateProgram: ['Ubah program', 'Change program'],
  createMember: ['Daftarkan anggota', 'Register member'],
  updateMember: ['Ubah data anggota', 'Change member'],
  importMembers: ['Impor anggota', 'Import members'],
  setSavingsRules: ['Ubah ketentuan simpanan', 'Change savings rules'],
  recordSavings: ['Catat simpanan anggota', 'Record member savings'],
  runWajibBilling: ['Tagih simpanan wajib', 'Bill wajib savings'],
  endMembership: ['Akhiri keanggotaan', 'End membership'],
  importBankStatement: ['Impor mutasi bank', 'Import bank statement'],
  matchBankLine: ['Cocokkan mutasi bank', 'Match bank line'],
  dismissBankLine: ['Bukan pembayaran koperasi', 'Not a cooperative payment'],
  recordSupplierPayment: ['Catat pembayaran ke pemasok', 'Record supplier payment'],
  setSupplierTerms: ['Ubah termin pemasok', 'Change supplier terms'],
  postCreditLossProvision: ['Bukukan CKPN', 'Book credit loss allowance'],
  recordJournalEntry: ['Catat jurnal manual', 'Record manual journal entry'],
  registerFixedAsset: ['Catat aset tetap', 'Register fixed asset'],
  postDepreciation: ['Bukukan penyusutan', 'Post depreciation'],
  setShuRules: ['Ubah pembagian SHU', 'Change SHU split'],
  closeFiscalYear: ['Tutup buku', 'Close fiscal year'],
  distributeShu: ['Bagikan SHU anggota', "Distribute members' SHU"],
} as const satisfies Record<string, readonly [string, string]>;

const TARGETS = {
  payment: ['Pembayaran', 'Payment'],
  supplier_payment: ['Pembayaran ke pemasok', 'Supplier payment'],
  supplier: ['Pemasok', 'Supplier'],
  credit_loss_provision: ['CKPN', 'Credit loss allowance'],
  manual_entry: ['Jurnal manual', 'Manual journal entry'],
  fixed_asset: ['Aset tetap', 'Fixed asset'],
  depreciation: ['Penyusutan', 'Depreciation'],
  shu_rule: ['Pembagian SHU', 'SHU split'],
  fiscal_year: ['Tahun buku', 'Fiscal year'],
  shu_distribution: ['Pembagian SHU anggota', "Members' SHU distribution"],
  settlement_period: ['Periode tagihan', 'Settlement period'],
  subsidy_run: ['Proses subsidi', 'Subsidy run'],
  job: ['Tugas terjadwal', 'Scheduled job'],
  subsidy_grant: ['Subsidi koperasi', 'Cooperative subsidy'],
  delivery_order: ['Surat jalan', 'Delivery order'],
  goods_receipt: ['Penerimaan gudang', 'Goods receipt'],
  sales: ['Penjualan', 'Sales'],
  return: ['Retur', 'Return'],
  stock_count: ['Stok opname', 'Stock count'],
  cooperative: ['Koperasi', 'Cooperative'],
  participation: ['Kepesertaan', 'Participation'],
  product: ['Produk', 'Product'],
  user: ['Pengguna', 'User'],
  request: ['Permintaan', 'Request'],
  organization: ['Organisasi', 'Organization'],
  commodity_ceiling: ['HET/HAP', 'Price ceiling'],
  cooperative_import: ['Impor koperasi', 'Cooperative import'],
  hub_settings: ['Pengaturan hub', 'Hub settings'],
  location: ['Gudang', 'Warehouse'],
  sale: ['Penjualan', 'Sale'],
  sembako_order: ['Pesanan Sembako', 'Sembako order'],
  sembako_participant: ['Peserta Sembako', 'Sembako participant'],
  sembako_program: ['Program Sembako', 'Sembako program'],
  sembako_roster: ['Daftar peserta Sembako', 'Sembako roster'],
  sembako_payroll_authorization: ['Surat kuasa potong gaji', 'Payroll authorization'],
  member: ['Anggota', 'Member'],
  member_import: ['Impor anggota', 'Member import'],
  savings_rule: ['Ketentuan simpanan', 'Savings rules'],
  savings_transaction: ['Transaksi simpanan', 'Savings transaction'],
  wajib_billing: ['Tagihan simpanan wajib', 'Wajib savings billing'],
  bank_statement: ['Mutasi bank', 'Bank statement'],
  bank_line: ['Baris mutasi bank', 'Bank line'],
} as const satisfies Record<string, readonly [string, string]>;

function words<K extends string>(
  table: Record<K, readonly [string, string]>,
  key: string,
  lang: string,
): string {
  const w = (table as Record<string, readonly [string, string]>)[key];
  return w ? w[lang === 'en' ? 1 : 0] : key;
}

/** The screen a document of the log opens on, where it has one. */
function pageOf(type: string, id: string, orgId: string | null | undefined): string | undefined {
  const coop = (path: string) => (orgId ? `/koperasi/${orgId}${path}` : undefined);
  switch (type) {
    case 'delivery_order':
      return `/pengiriman/${id}`;
    case 'cooperative':
    case 'participation':
      return `/koperasi/${type === 'cooperative' ? id : (orgId ?? id)}`;
    case 'member':
      return coop(`/anggota/${id}`);
    case 'payment':
    case 'statement':
      return coop('/tagihan');
    case 'stock_count':
    case 'return':
    case 'sales':
    case 'sale':
      return coop('/buku');
    default:
      return undefined;
  }
}

/** What the event records in words: an override's or a correction's reason. */
function noteOf(detail: unknown, t: TFunction<'audit'>): string {
  const d = (detail ?? {}) as { override?: boolean; reason?: unknown };
  if (typeof d.reason !== 'string' || !d.reason) return '';
  return d.override ? t('overrideReason', { reason: d.reason }) : t('reason', { reason: d.reason });
}

/** The hub's audit trail: who did what, when (WIB), to which document, from where; newest first. */
export function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  const lang = i18n.language;
  const [action, setAction] = useState('');
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const rangeError = from && to && to < from ? t('toBeforeFrom') : undefined;
  const query = useInfiniteQuery({
    queryKey: ['audit', action, target, from, to],
    enabled: !rangeError,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/audit-events', {
          params: {
            query: {
              limit: '50',
              ...(action ? { action } : {}),
              ...(target ? { targetType: target } : {}),
              ...(from ? { from } : {}),
              ...(to ? { to } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = useMemo(() => (query.data?.pages ?? []).flatMap((p) => p.items), [query.data]);
  type Row = (typeof items)[number];
  const columns: Column<Row>[] = [
    {
      id: 'at',
      header: t('when'),
      accessorFn: (e) => e.at,
      cell: (c) => instantWib(c.row.original.at, lang),
    },
    {
      id: 'who',
      header: t('who'),
      accessorFn: (e) => e.actorName ?? e.actorEmail ?? e.actorUserId ?? t('system'),
      cell: (c) => {
        const e = c.row.original;
        return (
          <span>
            {e.actorName ?? e.actorUserId ?? t('system')}
            {e.actorEmail && (
              <>
                {' '}
                <small className="muted">{e.actorEmail}</small>
              </>
            )}
          </span>
        );
      },
    },
    {
      id: 'action',
      header: t('action'),
      accessorFn: (e) => words(ACTIONS, e.action, lang),
    },
    {
      id: 'note',
      header: t('note'),
      accessorFn: (e) => noteOf(e.detail, t),
    },
    {
      id: 'document',
      header: t('document'),
      accessorFn: (e) => `${words(TARGETS, e.targetType, lang)} ${e.targetId}`,
      cell: (c) => {
        const e = c.row.original;
        const label = words(TARGETS, e.targetType, lang);
        const to = pageOf(e.targetType, e.targetId, e.orgId);
        return to ? (
          <Link to={to} aria-label={`${label} ${e.targetId}`}>
            {label}
          </Link>
        ) : (
          <span style={{ overflowWrap: 'anywhere' }}>
            {label} <code>{e.targetId}</code>
          </span>
        );
      },
    },
    { id: 'org', header: t('org'), accessorFn: (e) => e.orgName ?? e.orgId },
    {
      id: 'request',
      header: t('requestId'),
      accessorFn: (e) => e.requestId ?? '—',
      cell: (c) => (
        <code style={{ overflowWrap: 'anywhere' }}>{c.row.original.requestId ?? '—'}</code>
      ),
    },
    { id: 'address', header: t('address'), accessorFn: (e) => e.address ?? '—' },
  ];
  return (
    <section>
      <h1>{t('title')}</h1>
      <div className="form-row">
        <Field label={t('action')}>
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('anyAction')}</option>
            {Object.keys(ACTIONS).map((a) => (
              <option key={a} value={a}>
                {words(ACTIONS, a, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('target')}>
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('anyTarget')}</option>
            {Object.keys(TARGETS).map((k) => (
              <option key={k} value={k}>
                {words(TARGETS, k, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('from')}>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('to')} error={rangeError}>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
      {rangeError ? null : (
        <QueryState query={query}>
          {() => (
            <>
              <DataTable
                data={items}
                columns={columns}
                empty={t('empty')}
                filterLabel={t('filter')}
                pageSize={1000}
              />
              <p className="muted">{t('shown', { count: items.length })}</p>
              <LoadMore query={query} />
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
