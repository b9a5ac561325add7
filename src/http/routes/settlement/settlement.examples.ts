import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  Balance,
  CloseSettlementBody,
  CooperativeStatementList,
  NetworkAging,
  NetworkStatementList,
  PaymentList,
  RecordPaymentBody,
  Statement,
} from './settlement.schemas.ts';

export const balanceExample: Static<typeof Balance> = {
  balanceDue: 12_450_000,
  overdueAmount: 0,
  exposure: 31_200_000,
  exposureLimit: 50_000_000,
  consignedStockValue: 18_750_000,
  inTransitValue: 0,
  onHold: false,
  aging: { current: 12_450_000, d1to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 },
};

export const statementExample: Static<typeof Statement> = {
  id: '01936f6e-7c1a-7000-8000-0000000000f1',
  number: 'TK/KANA-JBI/2026/02/0031',
  periodStart: '2026-02-01',
  periodEnd: '2026-02-28',
  openingBalance: 0,
  salesAmount: 48_900_000,
  shrinkageAmount: 32_600,
  paymentsAmount: 36_000_000,
  subsidyNettedAmount: 0,
  closingBalance: 12_932_600,
  dueDate: '2026-03-14',
  outstanding: 12_932_600,
  issuedAt: '2026-03-01T02:00:00.000Z',
  paymentReference: 'LMB15710110014',
};

export const statementsExample: Static<typeof CooperativeStatementList> = {
  items: [
    {
      ...statementExample,
      adjustments: [
        {
          reversalId: '01936f6e-7c1a-7000-8000-000000000701',
          docType: 'payment',
          docId: '01936f6e-7c1a-7000-8000-000000000100',
          number: 'PB/KANA-JBI/2026/01/0097',
          date: '2026-02-05',
          reason: 'Transfer ditolak bank',
          amount: 1_500_000,
        },
      ],
    },
  ],
  payTo: {
    hubName: 'Koperasi Kana — Cabang Jambi',
    bankName: 'Bank Jambi',
    bankAccountNo: '0012345678',
    bankAccountName: 'Koperasi Kana Cabang Jambi',
    paymentReference: 'LMB15710110014',
  },
};

export const paymentsExample: Static<typeof PaymentList> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000101',
      number: 'PB/KANA-JBI/2026/03/0118',
      amount: 36_000_000,
      receivedOn: '2026-03-10',
      method: 'transfer',
      reference: 'TRF-0001',
      statementId: null,
    },
  ],
};

export const recordPaymentExample: Static<typeof RecordPaymentBody> = {
  id: '01936f6e-7c1a-7000-8000-000000000001',
  amount: 1_500_000,
  receivedOn: '2026-03-10',
  method: 'transfer',
  reference: 'TRF-0001',
};

export const closeSettlementExample: Static<typeof CloseSettlementBody> = {
  periodEnd: '2026-02-28',
};

const aging = { current: 10_450_000, d1to30: 2_000_000, d31to60: 0, d61to90: 0, d90plus: 0 };

export const networkAgingExample: Static<typeof NetworkAging> = {
  asOf: '2026-03-10',
  items: [
    {
      cooperativeId: EXAMPLE_IDS.coop,
      cooperativeName: 'KDKMP Simpang IV Sipin',
      balanceDue: 12_450_000,
      overdueAmount: 2_000_000,
      onHold: false,
      aging,
    },
  ],
  totals: { balanceDue: 12_450_000, overdueAmount: 2_000_000, aging },
};

export const networkStatementsExample: Static<typeof NetworkStatementList> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000501',
      number: 'TK/KANA-JBI/2026/02/0031',
      cooperativeId: EXAMPLE_IDS.coop,
      cooperativeName: 'KDKMP Simpang IV Sipin',
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      openingBalance: 0,
      salesAmount: 9_800_000,
      shrinkageAmount: 32_000,
      paymentsAmount: 7_832_000,
      subsidyNettedAmount: 0,
      closingBalance: 2_000_000,
      dueDate: '2026-03-14',
      outstanding: 2_000_000,
      daysPastDue: 0,
      issuedAt: '2026-03-01T01:00:00.000Z',
      paymentReference: 'LMB15710110014',
      adjustments: [],
    },
  ],
};

export const statementPdfExample = '%PDF-1.3 … (binary: the statement as an A4 PDF)';
