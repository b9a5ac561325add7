import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { JournalEntryList, JournalRows, TrialBalance } from './ledger.schemas.ts';

const HUB = EXAMPLE_IDS.hub;

export const trialBalanceExample: Static<typeof TrialBalance> = {
  orgId: EXAMPLE_IDS.coop,
  asOf: '2026-03-31',
  accounts: [
    { code: '1101', name: 'Kas', debit: 3_500_000, credit: 0 },
    {
      code: '2101',
      name: 'Utang kepada Pengamanat',
      counterpartyOrgId: HUB,
      debit: 0,
      credit: 3_260_000,
    },
    { code: '4101', name: 'Pendapatan Komisi Konsinyasi', debit: 0, credit: 240_000 },
  ],
  totalDebit: 3_500_000,
  totalCredit: 3_500_000,
};

export const hledgerJournalExample =
  '2026-03-10 Penjualan barang konsinyasi  ; sale:01936f6e-…\n    Aset:1101 Kas  IDR 35000\n    Liabilitas:2101 Utang kepada Pengamanat:Koperasi Kana — Cabang Jambi  IDR -32600\n    Pendapatan:4101 Pendapatan Komisi Konsinyasi  IDR -2400\n';

const PAYMENT = '01936f6e-7c1a-7000-8000-000000000001';
const ENTRY = '01936f6e-7c1a-7000-8000-000000000601';
const memo = 'Pembayaran ke pengamanat Rp 1.500.000 TRF-0001';

export const journalRowsExample: Static<typeof JournalRows> = {
  items: [
    {
      entryId: ENTRY,
      entryDate: '2026-03-10',
      docType: 'payment',
      docId: PAYMENT,
      memo,
      lineNo: 1,
      accountCode: '2101',
      counterpartyOrgId: HUB,
      debit: 1_500_000,
      credit: 0,
    },
    {
      entryId: ENTRY,
      entryDate: '2026-03-10',
      docType: 'payment',
      docId: PAYMENT,
      memo,
      lineNo: 2,
      accountCode: '1102',
      counterpartyOrgId: '',
      debit: 0,
      credit: 1_500_000,
    },
  ],
};

export const journalEntriesExample: Static<typeof JournalEntryList> = {
  items: [
    {
      id: ENTRY,
      date: '2026-03-10',
      documentType: 'payment',
      documentId: PAYMENT,
      memo,
      lines: [
        {
          accountCode: '2101',
          accountName: 'Utang kepada Pengamanat',
          counterpartyOrgId: HUB,
          debit: 1_500_000,
          credit: 0,
        },
        { accountCode: '1102', accountName: 'Bank', debit: 0, credit: 1_500_000 },
      ],
    },
  ],
  nextCursor: 'WyIyMDI2LTAzLTEwIiwiMDE5MzZmNmUtLi4uIl0',
};
