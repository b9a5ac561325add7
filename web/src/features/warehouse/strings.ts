import { registerTranslations } from '../../app/i18n.ts';

/** The words of the hub's warehouse stock screen. */
registerTranslations('warehouse', {
  id: {
    title: 'Stok gudang',
    intro:
      'Di gudang: barang yang ada di gudang sekarang (semua penerimaan dan retur masuk, dikurangi semua kiriman). Dalam perjalanan: sudah dikirim dengan surat jalan, belum diterima koperasi. Dipesan (draf): ada di surat jalan draf, masih di gudang.',
    noWarehouse: 'Hub belum punya gudang. Admin hub menambahkannya di menu Pengaturan.',
    product: 'Produk',
    onHand: 'Di gudang',
    inTransit: 'Dalam perjalanan',
    reserved: 'Dipesan (draf)',
    value: 'Nilai (HPP)',
    totalValue: 'Nilai stok di gudang (harga pokok rata-rata): {{amount}}',
    documents: 'Dokumen di balik angka ini:',
    receipts: 'Penerimaan gudang',
    deliveries: 'Surat jalan',
    empty: 'Gudang ini belum pernah menerima barang.',
    filter: 'Cari produk',
    defaultWarehouse: 'gudang utama',
  },
  en: {
    title: 'Warehouse stock',
    intro:
      'On hand: the goods in the warehouse now (every receipt and return in, less every dispatch). In transit: dispatched on a delivery order, not yet received by the cooperative. Reserved (draft): on a draft delivery order, still in the warehouse.',
    noWarehouse: 'The hub has no warehouse yet. A hub admin adds one under Settings.',
    product: 'Product',
    onHand: 'On hand',
    inTransit: 'In transit',
    reserved: 'Reserved (draft)',
    value: 'Value (cost)',
    totalValue: 'Value of the stock on hand (moving-average cost): {{amount}}',
    documents: 'The documents behind these figures:',
    receipts: 'Goods receipts',
    deliveries: 'Delivery orders',
    empty: 'This warehouse has not received any goods yet.',
    filter: 'Search products',
    defaultWarehouse: 'main warehouse',
  },
});
