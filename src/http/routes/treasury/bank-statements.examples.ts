import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import { sampleMt940 } from './bank-statements.schemas.ts';
import type {
  BankImportResult,
  BankLines,
  BankStatements,
  DismissBankLineBody,
  MatchBankLineBody,
} from './bank-statements.schemas.ts';

const statementId = '01936f6e-7c1a-7000-8000-000000000b51';

export const importBankExample: Static<typeof BankImportResult> = {
  statementId,
  lines: 9,
  credits: 6,
  matched: 3,
  unmatched: 4,
  duplicates: 2,
  pending: 0,
};

export const bankLinesExample: Static<typeof BankLines> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000b61',
      date: '2026-10-01',
      amount: 1_500_000,
      direction: 'credit',
      remark: 'TRF DARI KDKMP LEGOK LMB15710110014 PEMBAYARAN TAGIHAN SEPTEMBER',
      bankReference: 'FT26274ABC01',
      status: 'matched',
      cooperativeId: EXAMPLE_IDS.coop,
      cooperativeName: 'KDKMP Legok',
      paymentId: '01936f6e-7c1a-7000-8000-000000000b71',
    },
    {
      id: '01936f6e-7c1a-7000-8000-000000000b62',
      date: '2026-10-03',
      amount: 1_000_000,
      direction: 'credit',
      remark: 'TRANSFER MASUK DARI PT SARI ROTI PENGEMBALIAN KELEBIHAN BAYAR',
      bankReference: 'FT26276QQQ01',
      status: 'unmatched',
    },
  ],
};

export const matchBankLineExample: Static<typeof MatchBankLineBody> = {
  cooperativeId: EXAMPLE_IDS.coop,
};

export const dismissBankLineExample: Static<typeof DismissBankLineBody> = {
  reason: 'Pengembalian kelebihan bayar dari PT Sari Roti',
};

export const bankStatementsExample: Static<typeof BankStatements> = {
  items: [
    {
      id: statementId,
      format: 'mt940',
      accountNo: '1100012345678',
      periodFrom: '2026-09-30',
      periodTo: '2026-10-04',
      lines: 9,
      newLines: 7,
      duplicates: 2,
      matched: 3,
      importedAt: '2026-10-05T02:00:00.000Z',
    },
  ],
};

export const demoFileExample = sampleMt940;
