import type { Static } from 'typebox';
import type {
  PayablesAging,
  SetSupplierTermsBody,
  SupplierInvoiceList,
  SupplierList,
  SupplierPaymentBody,
} from './payables.schemas.ts';

const supplierId = '01936f6e-7c1a-7000-8000-000000005501';

export const supplierInvoicesExample: Static<typeof SupplierInvoiceList> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-000000005601',
      number: 'BPB/KANA-JBI/2026/02/0003',
      supplierId,
      supplierName: 'PT Gula Nusantara',
      invoiceDate: '2026-02-02',
      dueDate: '2026-03-04',
      amount: 7_500_000,
      paidAmount: 2_500_000,
      outstanding: 5_000_000,
      status: 'open',
      daysPastDue: 6,
    },
  ],
};

export const payablesAgingExample: Static<typeof PayablesAging> = {
  asOf: '2026-03-10',
  total: 5_000_000,
  aging: { current: 0, d1to30: 5_000_000, d31to60: 0, d61to90: 0, d90plus: 0 },
  suppliers: [
    {
      supplierId,
      name: 'PT Gula Nusantara',
      termsDays: 30,
      outstanding: 5_000_000,
      aging: { current: 0, d1to30: 5_000_000, d31to60: 0, d61to90: 0, d90plus: 0 },
    },
  ],
};

export const suppliersExample: Static<typeof SupplierList> = {
  items: [{ id: supplierId, name: 'PT Gula Nusantara', termsDays: 30 }],
};

export const setSupplierTermsExample: Static<typeof SetSupplierTermsBody> = { termsDays: 45 };

export const supplierPaymentExample: Static<typeof SupplierPaymentBody> = {
  id: '01936f6e-7c1a-7000-8000-000000005701',
  supplierName: 'PT Gula Nusantara',
  amount: 2_500_000,
  paidOn: '2026-03-09',
  method: 'transfer',
  reference: 'TRF 0309 BCA',
};
