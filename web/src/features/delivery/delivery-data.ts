import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api.ts';
import { registerTranslations } from '../../app/i18n.ts';
import './hub.css';

registerTranslations('delivery', {
  id: {
    title: 'Pengiriman ke koperasi',
    create: 'Buat pengiriman',
    newTitle: 'Pengiriman baru',
    all: 'Semua',
    status_draft: 'Draf',
    status_dispatched: 'Dikirim',
    status_received: 'Diterima',
    status_cancelled: 'Dibatalkan',
    orderDate: 'Tanggal',
    value: 'Nilai',
    lines: 'Isi',
    linesValue: '{{lines}} produk · {{qty}} unit',
    empty: 'Belum ada surat jalan yang cocok.',
    filterText: 'Cari di daftar',
    loadMore: 'Muat lebih banyak',
    cooperative: 'Koperasi',
    searchCoop: 'Cari nama atau kelurahan',
    chooseCoop: '— pilih —',
    noCoopMatch: 'Tidak ada yang cocok dengan pencarian.',
    qtyOf: 'Jumlah {{name}}',
    suggestionHint:
      'Terjual 28 hari: {{sold}} · stok: {{stock}} · dalam perjalanan: {{transit}} · saran: {{suggested}}',
    suggestionNote:
      'Jumlah saran = penjualan 4 minggu terakhir untuk 14 hari, dikurangi stok di koperasi dan barang dalam perjalanan. Ubah bila perlu.',
    orderValue: 'Nilai pesanan',
    saveDraft: 'Simpan draf',
    saving: 'Menyimpan…',
    qtyInvalid: 'Isi bilangan bulat 0 atau lebih',
    noLines: 'Isi jumlah sedikitnya satu produk',
    coopRequired: 'Pilih koperasi',
    noProducts: 'Hub belum punya produk berharga konsinyasi.',
    detailTitle: 'Surat jalan ke {{coop}}',
    number: 'Nomor',
    history: 'Riwayat',
    h_created: 'Dibuat',
    h_dispatched: 'Dikirim',
    h_override: 'Dikirim dengan persetujuan khusus. Alasan: {{reason}}',
    h_received: 'Diterima koperasi',
    h_cancelled: 'Dibatalkan',
    check: 'Pemeriksaan sebelum kirim',
    exposureNow: 'Eksposur saat ini',
    thisOrder: 'Nilai pesanan ini',
    limit: 'Batas eksposur',
    after: 'Eksposur setelah kirim',
    withinLimit: 'Dalam batas',
    overLimit: 'Melebihi batas',
    holdYes: 'Pengiriman ditahan: tagihan lewat jatuh tempo {{amount}}',
    holdNo: 'Tidak ada penahanan pengiriman',
    overdueNoHold: 'Lewat jatuh tempo {{amount}}, masih dalam masa tenggang',
    shortfall: 'Stok gudang kurang: {{name}} perlu {{needed}}, tersedia {{available}}',
    checkOk: 'Pengiriman ini lolos pemeriksaan.',
    checkRefuse: 'Pengiriman ini akan ditolak kecuali admin hub memberi persetujuan khusus.',
    dispatch: 'Kirim',
    confirmDispatch:
      'Kirim surat jalan ini ke {{coop}} senilai {{value}}? Stok keluar dari gudang.',
    yesDispatch: 'Ya, kirim',
    no: 'Tidak',
    override: 'Persetujuan khusus',
    overrideHelp:
      'Pengiriman ditolak. Sebagai admin hub Anda dapat tetap mengirim dengan alasan tertulis; alasan dicatat di log audit.',
    staffRefused: 'Pengiriman ditolak. Hanya admin hub yang dapat memberi persetujuan khusus.',
    reason: 'Alasan',
    reasonRequired: 'Alasan wajib diisi',
    overrideSubmit: 'Kirim dengan alasan',
    cancelDraft: 'Batalkan draf',
    confirmCancel: 'Batalkan draf ini? Draf yang dibatalkan tidak dapat dikirim.',
    yesCancel: 'Ya, batalkan',
    dispatchedNotice: 'Surat jalan dikirim.',
    cancelledNotice: 'Draf dibatalkan.',
    createdNotice: 'Draf surat jalan tersimpan.',
    print: 'Cetak surat jalan',
    sku: 'SKU',
    unit: 'Satuan',
    received: 'Diterima',
    working: 'Memproses…',
    backToList: 'Kembali ke daftar',
  },
  en: {
    title: 'Deliveries to cooperatives',
    create: 'New delivery',
    newTitle: 'New delivery',
    all: 'All',
    status_draft: 'Draft',
    status_dispatched: 'Dispatched',
    status_received: 'Received',
    status_cancelled: 'Cancelled',
    orderDate: 'Date',
    value: 'Value',
    lines: 'Contents',
    linesValue: '{{lines}} products · {{qty}} units',
    empty: 'No matching delivery orders.',
    filterText: 'Search the list',
    loadMore: 'Load more',
    cooperative: 'Cooperative',
    searchCoop: 'Search name or village',
    chooseCoop: '— choose —',
    noCoopMatch: 'Nothing matches the search.',
    qtyOf: 'Quantity {{name}}',
    suggestionHint:
      'Sold in 28 days: {{sold}} · stock: {{stock}} · in transit: {{transit}} · suggested: {{suggested}}',
    suggestionNote:
      'Suggested quantity = the last 4 weeks of sales for 14 days, less the stock at the cooperative and goods in transit. Change it if needed.',
    orderValue: 'Order value',
    saveDraft: 'Save draft',
    saving: 'Saving…',
    qtyInvalid: 'Enter a whole number, 0 or more',
    noLines: 'Enter a quantity for at least one product',
    coopRequired: 'Choose a cooperative',
    noProducts: 'The hub has no products with a consignment price yet.',
    detailTitle: 'Delivery note to {{coop}}',
    number: 'Number',
    history: 'History',
    h_created: 'Created',
    h_dispatched: 'Dispatched',
    h_override: 'Dispatched with an override. Reason: {{reason}}',
    h_received: 'Received by the cooperative',
    h_cancelled: 'Cancelled',
    check: 'Check before dispatch',
    exposureNow: 'Current exposure',
    thisOrder: 'This order',
    limit: 'Exposure limit',
    after: 'Exposure after dispatch',
    withinLimit: 'Within the limit',
    overLimit: 'Over the limit',
    holdYes: 'Shipping on hold: overdue statements {{amount}}',
    holdNo: 'No shipping hold',
    overdueNoHold: 'Overdue {{amount}}, still within the grace days',
    shortfall: 'Warehouse short: {{name}} needs {{needed}}, holds {{available}}',
    checkOk: 'This dispatch passes the check.',
    checkRefuse: 'This dispatch will be refused unless a hub admin overrides it.',
    dispatch: 'Dispatch',
    confirmDispatch:
      'Dispatch this delivery to {{coop}}, worth {{value}}? The stock leaves the warehouse.',
    yesDispatch: 'Yes, dispatch',
    no: 'No',
    override: 'Override',
    overrideHelp:
      'The dispatch was refused. As a hub admin you may still dispatch with a written reason; the reason is kept in the audit log.',
    staffRefused: 'The dispatch was refused. Only a hub admin can override.',
    reason: 'Reason',
    reasonRequired: 'A reason is required',
    overrideSubmit: 'Dispatch with reason',
    cancelDraft: 'Cancel draft',
    confirmCancel: 'Cancel this draft? A cancelled draft cannot be dispatched.',
    yesCancel: 'Yes, cancel it',
    dispatchedNotice: 'The delivery was dispatched.',
    cancelledNotice: 'The draft was cancelled.',
    createdNotice: 'The draft delivery order was saved.',
    print: 'Print delivery note',
    sku: 'SKU',
    unit: 'Unit',
    received: 'Received',
    working: 'Working…',
    backToList: 'Back to the list',
  },
});

export const STATUSES = ['draft', 'dispatched', 'received', 'cancelled'] as const;

/** The cooperatives the hub serves (one request: the network is at most a few hundred). */
export function useCooperatives() {
  return useQuery({
    queryKey: ['cooperatives', 'all'],
    queryFn: async () => {
      const items = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(
          await api.GET('/api/v1/cooperatives', {
            params: { query: { limit: '200', ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    staleTime: 60_000,
  });
}

export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: async () => unwrap(await api.GET('/api/v1/products')).items,
    staleTime: 60_000,
  });
}

export const fmtQty = (n: number) => new Intl.NumberFormat('id-ID').format(n);
