import { registerTranslations } from '../../../app/i18n.ts';

/** The words of the cooperative's returns and stock counts tab. */
registerTranslations('stockDocuments', {
  id: {
    search: 'Cari nomor dokumen',
    searchHint: 'Sebagian nomor cukup, misalnya 0012.',
    searchButton: 'Cari',
    returns: 'Retur ke hub',
    counts: 'Stok opname',
    noReturns: 'Belum ada retur.',
    noCounts: 'Belum ada stok opname.',
    lines: 'Barang',
    returnValue: 'Nilai (harga pokok hub)',
    shrinkage: 'Susut ditagih',
    returnLine: '{{product}} × {{qty}}',
    countLine: '{{product}} {{qty}}',
    noDifference: 'Tidak ada selisih',
  },
  en: {
    search: 'Find document number',
    searchHint: 'Part of the number is enough, e.g. 0012.',
    searchButton: 'Find',
    returns: 'Returns to the hub',
    counts: 'Stock counts',
    noReturns: 'No returns yet.',
    noCounts: 'No stock counts yet.',
    lines: 'Goods',
    returnValue: 'Value (hub cost)',
    shrinkage: 'Shrinkage charged',
    returnLine: '{{product}} × {{qty}}',
    countLine: '{{product}} {{qty}}',
    noDifference: 'No difference',
  },
});
