import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { ReversalPreview, ReverseBody } from './corrections.schemas.ts';

export const reverseExample: Static<typeof ReverseBody> = {
  id: '01936f6e-7c1a-7000-8000-000000000e01',
  reason: 'Kasir salah ketik jumlah: 20, seharusnya 2',
};

export const previewExample: Static<typeof ReversalPreview> = {
  docType: 'sale',
  docId: '01936f6e-7c1a-7000-8000-000000000501',
  reversible: true,
  journal: [
    {
      orgId: EXAMPLE_IDS.coop,
      orgName: 'KDKMP Sungai Putri',
      accountCode: '1101',
      accountName: 'Kas',
      debit: 0,
      credit: 35_000,
    },
    {
      orgId: EXAMPLE_IDS.coop,
      orgName: 'KDKMP Sungai Putri',
      accountCode: '2101',
      accountName: 'Utang kepada Pengamanat',
      debit: 32_000,
      credit: 0,
    },
    {
      orgId: EXAMPLE_IDS.coop,
      orgName: 'KDKMP Sungai Putri',
      accountCode: '4101',
      accountName: 'Pendapatan Komisi',
      debit: 3_000,
      credit: 0,
    },
    {
      orgId: EXAMPLE_IDS.hub,
      orgName: 'Koperasi Kana',
      accountCode: '1201',
      accountName: 'Piutang Konsinyasi',
      debit: 0,
      credit: 32_000,
    },
    {
      orgId: EXAMPLE_IDS.hub,
      orgName: 'Koperasi Kana',
      accountCode: '4101',
      accountName: 'Penjualan',
      debit: 32_000,
      credit: 0,
    },
  ],
  stock: [
    {
      locationName: 'Toko KDKMP Sungai Putri',
      productName: 'Gula Kristal Putih 1 kg',
      quantity: 2,
    },
  ],
};
